"use client";
// The Team page: invite agents and admins by link (there is no e-mail server: the admin passes the
// link on; the person joins with their account, or creates one), see and withdraw pending
// invitations, change roles, deactivate / reactivate, and issue a new one-time password.
import { useState } from "react";
import { api, ApiError } from "./api";
import { Button, Card, Field, inputClass, Notice, Options, Table } from "./ui";
import { useConfirm, type ConfirmRequest } from "./confirm-dialog";

export interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  presence: string;
  maxChats: number;
  lastSeenAt: string | Date | null;
}

export interface PendingInvitation {
  id: string;
  email: string;
  name: string;
  role: string;
  expiresAt: string | Date;
}

const ROLE_TEXT: Record<string, string> = { owner: "Owner", admin: "Admin", agent: "Agent" };

export function TeamManager({ initial, invitations: initialInvitations, me }: { initial: Member[]; invitations: PendingInvitation[]; me: { id: string; role: string } }) {
  const [members, setMembers] = useState(initial);
  const [invitations, setInvitations] = useState(initialInvitations);
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);
  const [invite, setInvite] = useState<{ email: string; link: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { confirm, dialog } = useConfirm();
  const roles = me.role === "owner" ? ["agent", "admin", "owner"] : ["agent", "admin"];

  const reload = async () => {
    const r = await api<{ members: Member[]; invitations: PendingInvitation[] }>("/api/admin/team");
    setMembers(r.members);
    setInvitations(r.invitations);
  };

  async function sendInvite(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ invitation: PendingInvitation; link: string }>("/api/admin/team", { body: { email: data.get("email"), name: data.get("name"), role: data.get("role") } });
      setInvite({ email: r.invitation.email, link: r.link });
      form.reset();
      await reload();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function update(m: Member, change: Partial<Pick<Member, "role" | "active" | "maxChats">>, ask?: { request: ConfirmRequest; trigger: HTMLElement }) {
    if (ask && !(await confirm(ask.request, ask.trigger))) return;
    setError(null);
    try {
      await api(`/api/admin/team/${encodeURIComponent(m.id)}`, { method: "PATCH", body: change });
      await reload();
    } catch (err) {
      setError((err as ApiError).message);
      await reload();
    }
  }

  async function withdraw(i: PendingInvitation, trigger: HTMLElement) {
    const ok = await confirm({ title: `Withdraw the invitation of ${i.email}?`, body: "Its link stops working at once. You can invite them again later.", confirmLabel: "Withdraw invitation", tone: "danger" }, trigger);
    if (!ok) return;
    setError(null);
    try {
      await api(`/api/admin/team/invitations/${encodeURIComponent(i.id)}`, { method: "DELETE" });
      if (invite?.email === i.email) setInvite(null);
    } catch (err) {
      setError((err as ApiError).message);
    }
    await reload();
  }

  async function resetPassword(m: Member, trigger: HTMLElement) {
    const ok = await confirm({ title: `Give ${m.name} a new one-time password?`, body: "Their current password stops working and they are signed out at once. The new password is shown to you once, to pass on to them.", confirmLabel: "Issue new password", tone: "danger" }, trigger);
    if (!ok) return;
    setError(null);
    try {
      const r = await api<{ oneTimePassword: string }>(`/api/admin/team/${encodeURIComponent(m.id)}/password`, { body: {} });
      setSecret({ email: m.email, password: r.oneTimePassword });
    } catch (err) {
      setError((err as ApiError).message);
    }
  }

  return (
    <>
      {secret && (
        <Notice kind="success" testId="one-time-password">
          <p>
            One-time password for <strong>{secret.email}</strong>: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-base">{secret.password}</code>
          </p>
          <p className="mt-1">Give it to them in person or over a secure channel; it is shown only now. They sign in at /login with it.</p>
          <div className="mt-2 flex gap-2">
            <Button onClick={() => void navigator.clipboard?.writeText(secret.password)}>Copy</Button>
            <Button onClick={() => setSecret(null)}>I have noted it</Button>
          </div>
        </Notice>
      )}
      {invite && (
        <Notice kind="success" testId="invitation-link">
          <p>
            Invitation for <strong>{invite.email}</strong>. Send them this link (it works once, for 7 days):
          </p>
          <code className="mt-1 block break-all rounded bg-white px-1.5 py-1 font-mono text-sm" data-testid="invitation-url">
            {invite.link}
          </code>
          <p className="mt-1">They join with the account they already have for this e-mail address, or create one by choosing a password.</p>
          <div className="mt-2 flex gap-2">
            <Button onClick={() => void navigator.clipboard?.writeText(invite.link)}>Copy link</Button>
            <Button onClick={() => setInvite(null)}>Done</Button>
          </div>
        </Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <Card title="Invite someone">
        <form onSubmit={(e) => void sendInvite(e)} className="flex flex-wrap items-end gap-2 text-sm" data-testid="invite-form">
          <Field compact label="Name">
            <input name="name" required className={inputClass} />
          </Field>
          <Field compact label="E-mail">
            <input name="email" type="email" required className={inputClass} />
          </Field>
          <Field compact label="Role">
            <select name="role" className={inputClass} defaultValue="agent">
              <Options items={roles} label={(r) => ROLE_TEXT[r]} />
            </select>
          </Field>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Inviting…" : "Invite"}
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">Agents answer customers in the agent console. Admins also run this console. Owners can additionally manage other owners.</p>
        {invitations.length > 0 && (
          <div className="mt-4" data-testid="pending-invitations">
            <h3 className="mb-1 text-sm font-medium">Waiting to join</h3>
            <ul className="divide-y divide-slate-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-2 py-1.5" data-testid="pending-invitation" data-email={i.email}>
                  <span>
                    {i.name} <span className="text-slate-500">· {i.email} · {ROLE_TEXT[i.role] ?? i.role} · link valid until {new Date(i.expiresAt).toLocaleDateString()}</span>
                  </span>
                  <Button onClick={(e) => void withdraw(i, e.currentTarget)}>Withdraw</Button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Card title="Team">
        <Table columns={["Name", "Role", "Max chats", "Status", ""]} testId="team-table">
            {members.map((m) => {
              const self = m.id === me.id;
              const lockedOwner = m.role === "owner" && me.role !== "owner";
              return (
                <tr key={m.id} className={m.active ? "" : "text-slate-400"} data-testid="team-member" data-email={m.email}>
                  <td className="p-1.5">
                    <div className="font-medium">
                      {m.name}
                      {self && " (you)"}
                    </div>
                    <div className="text-xs text-slate-500">{m.email}</div>
                  </td>
                  <td className="p-1.5">
                    <select
                      className={`${inputClass} w-auto`}
                      value={m.role}
                      disabled={lockedOwner || !m.active}
                      aria-label={`Role of ${m.name}`}
                      onChange={(e) =>
                        void update(
                          m,
                          { role: e.target.value },
                          self ? { request: { title: `Change your own role to ${ROLE_TEXT[e.target.value] ?? e.target.value}?`, body: "You may lose access to this page and to other admin pages.", confirmLabel: "Change my role", tone: "danger" }, trigger: e.currentTarget } : undefined,
                        )
                      }
                    >
                      <Options items={[...new Set([...roles, m.role])]} label={(r) => ROLE_TEXT[r]} disabled={(r) => !roles.includes(r)} />
                    </select>
                  </td>
                  <td className="p-1.5">
                    <input
                      type="number"
                      min={1}
                      max={50}
                      defaultValue={m.maxChats}
                      className={`${inputClass} w-20`}
                      aria-label={`Maximum simultaneous chats of ${m.name}`}
                      onBlur={(e) => Number(e.target.value) !== m.maxChats && void update(m, { maxChats: Number(e.target.value) })}
                    />
                  </td>
                  <td className="p-1.5">{m.active ? (m.presence === "online" ? "online" : "active") : "deactivated"}</td>
                  <td className="flex justify-end gap-2 p-1.5">
                    {m.active ? (
                      <Button
                        variant="danger"
                        disabled={self || lockedOwner}
                        title={self ? "You cannot deactivate yourself" : lockedOwner ? "Only an owner can deactivate an owner" : undefined}
                        onClick={(e) => void update(m, { active: false }, { request: { title: `Deactivate ${m.name}?`, body: "They are signed out at once and cannot sign in until an admin reactivates them.", confirmLabel: "Deactivate", tone: "danger" }, trigger: e.currentTarget })}
                      >
                        Deactivate
                      </Button>
                    ) : (
                      <Button onClick={() => void update(m, { active: true })} disabled={lockedOwner}>
                        Reactivate
                      </Button>
                    )}
                    <Button onClick={(e) => void resetPassword(m, e.currentTarget)} disabled={lockedOwner && !self}>
                      New password
                    </Button>
                  </td>
                </tr>
              );
            })}
        </Table>
      </Card>
      {dialog}
    </>
  );
}

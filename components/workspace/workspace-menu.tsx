"use client";
// The workspace menu in the consoles' header: which workspace this session acts for (name, logo,
// role), switching to another of the person's workspaces (the session moves; other tabs of the old
// workspace lose their session), creating a new workspace, and changing one's own password.
import { useState } from "react";
import { Button, Field, fieldClass, Notice } from "@/components/ui/kit";
import { postJson } from "@/components/auth/post-json";

export interface WorkspaceItem {
  tenantId: string;
  name: string;
  role: string;
  current: boolean;
}

const ROLE_TEXT: Record<string, string> = { owner: "owner", admin: "admin", agent: "agent" };

/** Where a session lands after a switch: the admin console for admins, the agent console for agents. */
const landing = (role: string, area: "admin" | "agent") => (role === "agent" ? "/agent" : area === "admin" ? "/admin" : "/agent");

export function WorkspaceMenu({ current, workspaces, canCreate, logoUrl, area }: { current: { name: string; role: string }; workspaces: WorkspaceItem[]; canCreate: boolean; logoUrl: string | null; area: "admin" | "agent" }) {
  const [panel, setPanel] = useState<"none" | "create" | "password">("none");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(path: string, body: unknown, then: (data: T) => void) {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await postJson<T>(path, body);
    if (r.ok) then(r.data!);
    else setError(r.fieldErrors?.[0]?.message ?? r.message ?? "Something went wrong.");
    setBusy(false);
  }

  const switchTo = (w: WorkspaceItem) => void run<{ user: { role: string } }>("/api/auth/workspace", { tenantId: w.tenantId }, (d) => window.location.assign(landing(d.user.role, area)));

  return (
    <details className="relative" data-testid="workspace-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm hover:bg-slate-50" data-testid="workspace-switcher">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small same-origin image
          <img src={logoUrl} alt="" className="h-6 w-6 rounded object-contain" />
        ) : (
          <span className="flex h-6 w-6 items-center justify-center rounded bg-slate-200 text-xs font-semibold" aria-hidden="true">
            {current.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="max-w-48 truncate font-medium" data-testid="current-workspace">
          {current.name}
        </span>
        <span className="text-xs text-slate-500">{ROLE_TEXT[current.role] ?? current.role}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-80 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <div>
          <p className="mb-1 text-xs font-medium uppercase text-slate-500">Your workspaces</p>
          <ul className="space-y-1">
            {workspaces.map((w) => (
              <li key={w.tenantId}>
                <button
                  type="button"
                  disabled={w.current || busy}
                  onClick={() => switchTo(w)}
                  className={`flex w-full items-center justify-between rounded px-2 py-1 text-left text-sm ${w.current ? "bg-blue-50 font-medium text-blue-900" : "hover:bg-slate-100"}`}
                  data-testid="workspace-option"
                  data-name={w.name}
                  aria-current={w.current ? "true" : undefined}
                >
                  <span className="truncate">{w.name}</span>
                  <span className="text-xs text-slate-500">{ROLE_TEXT[w.role] ?? w.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-2">
          {canCreate && <Button onClick={() => setPanel(panel === "create" ? "none" : "create")}>New workspace</Button>}
          <Button onClick={() => setPanel(panel === "password" ? "none" : "password")}>Change password</Button>
        </div>
        {panel === "create" && (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const name = new FormData(e.currentTarget).get("name");
              void run<{ user: { role: string } }>("/api/workspaces", { name }, () => window.location.assign("/admin?welcome=1"));
            }}
          >
            <Field label="Business name" hint="You become its owner; it starts empty.">
              <input name="name" required className={fieldClass} />
            </Field>
            <Button type="submit" variant="primary" disabled={busy}>
              Create
            </Button>
          </form>
        )}
        {panel === "password" && (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const data = new FormData(form);
              void run("/api/auth/password", { currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") }, () => {
                form.reset();
                setPanel("none");
                setDone("Password changed. Your other sessions were signed out.");
              });
            }}
          >
            <Field label="Current password">
              <input name="currentPassword" type="password" required autoComplete="current-password" className={fieldClass} />
            </Field>
            <Field label="New password" hint="At least 8 characters; it is the same for all your workspaces.">
              <input name="newPassword" type="password" required minLength={8} autoComplete="new-password" className={fieldClass} />
            </Field>
            <Button type="submit" variant="primary" disabled={busy}>
              Change password
            </Button>
          </form>
        )}
        {error && <Notice kind="error">{error}</Notice>}
        {done && <Notice kind="success">{done}</Notice>}
      </div>
    </details>
  );
}

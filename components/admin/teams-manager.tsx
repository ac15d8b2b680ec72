"use client";
// Teams & routing: create, edit and delete teams (name, routing languages and FAQ categories,
// first-response target, members, default team) through /api/admin/teams.
import { useState } from "react";
import type { TeamView } from "@/lib/handoff/teams";
import { api, ApiError } from "./api";
import { Button, Card, Field, inputClass, Notice } from "./ui";
import { useConfirm } from "./confirm-dialog";

type Person = { id: string; name: string; email: string; role: string };

const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function bodyOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const minutes = String(data.get("firstResponseMinutes") ?? "").trim();
  return {
    name: String(data.get("name") ?? ""),
    languages: data.getAll("languages").map(String),
    categories: list(data.get("categories")),
    firstResponseMinutes: minutes === "" ? null : Number(minutes),
    isDefault: data.get("isDefault") === "on",
    memberIds: data.getAll("memberIds").map(String),
  };
}

export function TeamsManager({ initial, people, languages, categories }: { initial: TeamView[]; people: Person[]; languages: string[]; categories: string[] }) {
  const [teams, setTeams] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  const reload = async () => setTeams((await api<{ teams: TeamView[] }>("/api/admin/teams")).teams);

  async function submit(e: React.FormEvent<HTMLFormElement>, id?: string) {
    e.preventDefault();
    const form = e.currentTarget;
    setError(null);
    setSaved(null);
    try {
      const { team } = await api<{ team: TeamView }>(id ? `/api/admin/teams/${encodeURIComponent(id)}` : "/api/admin/teams", { method: id ? "PATCH" : "POST", body: bodyOf(form) });
      if (!id) form.reset();
      setEditing(null);
      setSaved(`Team “${team.name}” saved.`);
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  async function remove(t: TeamView, trigger: HTMLElement) {
    const ok = await confirm({ title: `Delete the team “${t.name}”?`, body: "Customers waiting in its queue move to the default team, and its members stay in the workspace.", confirmLabel: "Delete team", tone: "danger" }, trigger);
    if (!ok) return;
    setError(null);
    try {
      await api(`/api/admin/teams/${encodeURIComponent(t.id)}`, { method: "DELETE" });
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  const fields = (t?: TeamView) => (
    <div className="grid gap-3 md:grid-cols-2">
      <Field label="Name">
        <input name="name" defaultValue={t?.name} required maxLength={60} placeholder="Spanish" className={`${inputClass} w-full`} />
      </Field>
      <Field label="First-response target (minutes)" hint="Empty: no target. Counted from queueing to the first agent message.">
        <input name="firstResponseMinutes" type="number" min={1} max={10080} defaultValue={t?.firstResponseMinutes ?? ""} className={`${inputClass} w-32`} />
      </Field>
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium text-slate-700">Route conversations in</legend>
        <div className="flex flex-wrap gap-3">
          {languages.map((l) => (
            <label key={l} className="flex items-center gap-1">
              <input type="checkbox" name="languages" value={l} defaultChecked={t?.languages.includes(l)} /> {l}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="…and FAQ categories" hint={categories.length ? `Comma-separated. Your FAQ has: ${categories.join(", ")}` : "Comma-separated, as in your FAQ's category column."}>
        <input name="categories" defaultValue={t?.categories.join(", ")} placeholder="Billing, Returns" className={`${inputClass} w-full`} />
      </Field>
      <fieldset className="text-sm md:col-span-2">
        <legend className="mb-1 font-medium text-slate-700">Members</legend>
        <div className="flex flex-wrap gap-3">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-1" data-testid="team-member-option">
              <input type="checkbox" name="memberIds" value={p.id} defaultChecked={t?.members.some((m) => m.id === p.id)} /> {p.name} <span className="text-xs text-slate-500">({p.role})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isDefault" defaultChecked={t?.isDefault} /> Default team (takes every customer no other team&apos;s rules match)
      </label>
    </div>
  );

  return (
    <>
      {error && (
        <Notice kind="error" testId="teams-error">
          {error.fieldErrors.length ? error.fieldErrors.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join(" ") : error.message}
        </Notice>
      )}
      {saved && <Notice kind="success">{saved}</Notice>}
      <Card title="Add a team">
        <form onSubmit={(e) => void submit(e)} className="space-y-3" data-testid="team-form">
          {fields()}
          <Button type="submit" variant="primary">
            Add team
          </Button>
        </form>
      </Card>
      <Card title="Teams">
        {teams.length === 0 ? (
          <p className="text-sm text-slate-500">No teams yet: every agent sees one shared queue.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="teams">
            {teams.map((t) => (
              <li key={t.id} className="py-3" data-testid="team" data-team-name={t.name}>
                {editing === t.id ? (
                  <form onSubmit={(e) => void submit(e, t.id)} className="space-y-3">
                    {fields(t)}
                    <div className="flex gap-2">
                      <Button type="submit" variant="primary">
                        Save
                      </Button>
                      <Button onClick={() => setEditing(null)}>Cancel</Button>
                    </div>
                  </form>
                ) : (
                  <div className="flex flex-wrap items-start gap-3 text-sm">
                    <div className="min-w-48 flex-1">
                      <p className="font-medium">
                        {t.name} {t.isDefault && <span className="ml-1 rounded bg-blue-100 px-1.5 text-xs text-blue-800">default</span>}
                      </p>
                      <p className="text-xs text-slate-600" data-testid="team-rules">
                        {[t.languages.length ? `languages: ${t.languages.join(", ")}` : null, t.categories.length ? `categories: ${t.categories.join(", ")}` : null].filter(Boolean).join(" · ") ||
                          (t.isDefault ? "everything no other team takes" : "no rules: only transfers")}
                        {t.firstResponseMinutes != null && ` · first response within ${t.firstResponseMinutes} min`}
                      </p>
                      <p className="text-xs text-slate-500" data-testid="team-members">
                        {t.members.length ? t.members.map((m) => m.name).join(", ") : "No members yet"}
                      </p>
                    </div>
                    <Button onClick={() => setEditing(t.id)}>Edit</Button>
                    <Button variant="danger" onClick={(e) => void remove(t, e.currentTarget)}>
                      Delete
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {dialog}
    </>
  );
}

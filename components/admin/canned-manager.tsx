"use client";
// Canned responses: reply snippets agents insert by shortcut ("/hello"). List, add, edit, delete
// through /api/canned-responses.
import { useState } from "react";
import type { CannedView } from "@/lib/canned/canned-responses";
import { api, ApiError } from "./api";
import { Button, Card, Field, inputClass, fieldClass, Notice, Options } from "./ui";
import { useConfirm } from "./confirm-dialog";

type Canned = CannedView;

export function CannedManager({ initial, languages }: { initial: Canned[]; languages: string[] }) {
  const [items, setItems] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { confirm, dialog } = useConfirm();

  const reload = async () => setItems((await api<{ cannedResponses: Canned[] }>("/api/canned-responses")).cannedResponses);

  async function submit(e: React.FormEvent<HTMLFormElement>, id?: string) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = { shortcut: String(data.get("shortcut") ?? ""), text: String(data.get("text") ?? ""), language: (data.get("language") as string) || null };
    setError(null);
    try {
      await api(id ? `/api/canned-responses/${encodeURIComponent(id)}` : "/api/canned-responses", { method: id ? "PATCH" : "POST", body });
      if (!id) form.reset();
      setEditing(null);
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  async function remove(c: Canned, trigger: HTMLElement) {
    const ok = await confirm({ title: `Delete /${c.shortcut}?`, body: `Agents can no longer insert it by typing /${c.shortcut}. Replies already sent keep their text.`, confirmLabel: "Delete", tone: "danger" }, trigger);
    if (!ok) return;
    setError(null);
    try {
      await api(`/api/canned-responses/${encodeURIComponent(c.id)}`, { method: "DELETE" });
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  const fields = (c?: Canned) => (
    <>
      <Field compact label="Shortcut">
        <input name="shortcut" defaultValue={c?.shortcut} required placeholder="hello" className={`${inputClass} w-36 font-mono`} />
      </Field>
      <Field compact label="Text" className="min-w-60 flex-1">
        <textarea name="text" defaultValue={c?.text} required rows={2} className={fieldClass} />
      </Field>
      <Field compact label="Language">
        <select name="language" defaultValue={c?.language ?? ""} className={`${inputClass} w-auto`}>
          <option value="">any</option>
          <Options items={languages} />
        </select>
      </Field>
    </>
  );

  return (
    <>
      {error && (
        <Notice kind="error">
          {error.fieldErrors.length ? error.fieldErrors.map((f) => f.message).join(" ") : error.message}
        </Notice>
      )}
      <Card title="Add a canned response">
        <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-2" data-testid="canned-form">
          {fields()}
          <Button type="submit" variant="primary">
            Add
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">Agents type /shortcut in a chat to insert the text.</p>
      </Card>
      <Card title="Canned responses">
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">None yet. Add greetings, closing lines and answers your agents type often.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((c) => (
              <li key={c.id} className="py-2" data-testid="canned-item">
                {editing === c.id ? (
                  <form onSubmit={(e) => void submit(e, c.id)} className="flex flex-wrap items-end gap-2">
                    {fields(c)}
                    <Button type="submit" variant="primary">
                      Save
                    </Button>
                    <Button onClick={() => setEditing(null)}>Cancel</Button>
                  </form>
                ) : (
                  <div className="flex items-start gap-3 text-sm">
                    <code className="w-32 shrink-0 font-mono text-blue-800">/{c.shortcut}</code>
                    <p className="flex-1 whitespace-pre-line">{c.text}</p>
                    <span className="text-xs text-slate-400">{c.language ?? "any"}</span>
                    <Button onClick={() => setEditing(c.id)}>Edit</Button>
                    <Button variant="danger" onClick={(e) => void remove(c, e.currentTarget)}>
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

"use client";
// Inline editing of the latest FAQ version: edit, add and delete entries locally, then save them
// all as a new version (checked with the same rules as an upload; nothing is saved on error).
import { useEffect, useState } from "react";
import { api, ApiError, type LineError } from "../api";
import { Button, Card, Field, inputClass, fieldClass, LineErrorList, Notice, Options } from "../ui";
import type { Entry } from "./types";

type Draft = Omit<Entry, "key"> & { key: string | null; uid: number };

let nextUid = 1;
const toDraft = (e: Entry): Draft => ({ ...e, uid: nextUid++ });

export function FaqEditor({ versionId, versionNumber, entries, languages, onSaved }: { versionId: string | null; versionNumber: number | null; entries: Entry[]; languages: string[]; onSaved: (message: string) => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => entries.map(toDraft));
  const [editing, setEditing] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<LineError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState("");

  useEffect(() => {
    setDrafts(entries.map(toDraft));
    setDirty(false);
    setEditing(null);
    setErrors([]);
  }, [entries]);

  const change = (uid: number, patch: Partial<Draft>) => {
    setDrafts((ds) => ds.map((d) => (d.uid === uid ? { ...d, ...patch } : d)));
    setDirty(true);
  };

  function add() {
    const d: Draft = { key: null, question: "", alternatives: [], answer: "", category: null, language: "", uid: nextUid++ };
    setDrafts((ds) => [...ds, d]);
    setEditing(d.uid);
    setFilter("");
    setDirty(true);
  }

  async function save() {
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const body = { baseVersionId: versionId, entries: drafts.map(({ uid: _uid, ...d }) => ({ ...d, alternatives: d.alternatives.map((a) => a.trim()).filter(Boolean) })) };
      const r = await api<{ version: { number: number } }>("/api/admin/faq", { method: "PUT", body });
      setDirty(false);
      setEditing(null);
      onSaved(`Your edits were saved as FAQ version ${r.version.number}. Train a model on it to use them in the chat.`);
    } catch (e) {
      const err = e as ApiError;
      setMessage(err.message);
      setErrors(err.lineErrors);
    } finally {
      setBusy(false);
    }
  }

  const errorEntries = new Set(errors.map((e) => e.line));
  const q = filter.trim().toLowerCase();
  const shown = drafts.map((d, i) => ({ d, n: i + 1 })).filter(({ d }) => !q || `${d.question} ${d.answer} ${d.alternatives.join(" ")} ${d.category ?? ""}`.toLowerCase().includes(q));

  return (
    <Card
      title={versionNumber ? `Entries (FAQ v${versionNumber})` : "Entries"}
      testId="faq-editor"
      actions={
        <>
          <input placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} className={`${inputClass} w-40`} aria-label="Filter entries" />
          <Button onClick={add} data-testid="add-entry">
            Add entry
          </Button>
          <Button variant="primary" onClick={() => void save()} disabled={!dirty || busy} data-testid="save-edits">
            {busy ? "Saving…" : "Save changes as new version"}
          </Button>
          {dirty && (
            <Button
              onClick={() => {
                setDrafts(entries.map(toDraft));
                setDirty(false);
                setEditing(null);
                setErrors([]);
                setMessage(null);
              }}
            >
              Discard changes
            </Button>
          )}
        </>
      }
    >
      {dirty && <p className="mb-2 text-sm text-amber-800">You have unsaved changes.</p>}
      {message && (
        <div className="mb-3 space-y-2">
          <Notice kind="error">{message}</Notice>
          {errors.length > 0 && <LineErrorList errors={errors} unit="entry" testId="edit-errors" />}
        </div>
      )}
      <ol className="divide-y divide-slate-100">
        {shown.map(({ d, n }) => (
          <li key={d.uid} className={`py-2 ${errorEntries.has(n) ? "bg-red-50" : ""}`} data-testid="faq-entry">
            {editing === d.uid ? (
              <EntryForm draft={d} n={n} languages={languages} onChange={(p) => change(d.uid, p)} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex items-start gap-3 text-sm">
                <span className="w-8 shrink-0 text-right text-slate-400">{n}</span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{d.question || <em className="text-slate-400">(no question)</em>}</p>
                  <p className="line-clamp-2 whitespace-pre-line text-slate-600">{d.answer}</p>
                  <p className="mt-0.5 text-xs text-slate-400">
                    {d.language || "auto"} · {d.category ?? "no category"} · {d.alternatives.length} alternative{d.alternatives.length === 1 ? "" : "s"} · key {d.key ?? "(new)"}
                  </p>
                </div>
                <Button onClick={() => setEditing(d.uid)}>Edit</Button>
                <Button
                  onClick={() => {
                    setDrafts((ds) => ds.filter((x) => x.uid !== d.uid));
                    setDirty(true);
                  }}
                  aria-label={`Delete entry ${n}`}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {drafts.length === 0 && <p className="text-sm text-slate-500">No entries. Add one, or upload a file above.</p>}
    </Card>
  );
}

function EntryForm({ draft, n, languages, onChange, onDone }: { draft: Draft; n: number; languages: string[]; onChange: (p: Partial<Draft>) => void; onDone: () => void }) {
  return (
    <div className="grid gap-2 rounded-md border border-blue-200 bg-blue-50/40 p-3 text-sm" data-testid="entry-form">
      <p className="text-xs text-slate-500">Entry {n}{draft.key ? ` · key ${draft.key}` : " · new (a key is generated from the question)"}</p>
      <Field label="Question">
        <input className={fieldClass} value={draft.question} onChange={(e) => onChange({ question: e.target.value })} name="question" />
      </Field>
      <Field label="Other ways to ask it (one per line)">
        <textarea className={fieldClass} rows={3} value={draft.alternatives.join("\n")} onChange={(e) => onChange({ alternatives: e.target.value.split("\n") })} name="alternatives" />
      </Field>
      <Field label="Answer">
        <textarea className={fieldClass} rows={4} value={draft.answer} onChange={(e) => onChange({ answer: e.target.value })} name="answer" />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Category">
          <input className={fieldClass} value={draft.category ?? ""} onChange={(e) => onChange({ category: e.target.value || null })} name="category" />
        </Field>
        <Field label="Language">
          <select className={fieldClass} value={draft.language} onChange={(e) => onChange({ language: e.target.value })} name="language">
            <option value="">Detect from the text</option>
            <Options items={[...new Set([...languages, draft.language].filter(Boolean))]} />
          </select>
        </Field>
      </div>
      <div>
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

"use client";
// Version history of the FAQ: every version with its source, export links, and the difference
// between any two versions (entries added, removed, and changed with the fields that changed).
import { useState } from "react";
import { api } from "../api";
import { useApiCall } from "../use-api-call";
import { Button, Card, Field, inputClass, Notice, Options, Table } from "../ui";
import type { FaqDiff as Diff } from "@/lib/faq/diff";
import type { VersionView } from "./types";


const SOURCE: Record<string, string> = { upload: "file upload", edit: "edited in the console", api: "API", seed: "demo data" };
const show = (v: string | string[] | null) => (v === null ? "(none)" : Array.isArray(v) ? (v.length ? v.join(" | ") : "(none)") : v);

export function ExportLinks({ versionId }: { versionId?: string }) {
  const q = versionId ? `&version=${encodeURIComponent(versionId)}` : "";
  return (
    <span className="flex gap-2 text-sm">
      {(["csv", "json", "markdown"] as const).map((f) => (
        <a key={f} className="text-blue-700 underline" href={`/api/admin/faq/export?format=${f}${q}`} download>
          {f === "markdown" ? "Markdown" : f.toUpperCase()}
        </a>
      ))}
    </span>
  );
}

export function FaqHistory({ versions }: { versions: VersionView[] }) {
  const [from, setFrom] = useState(versions[1]?.id ?? versions[0]?.id ?? "");
  const [to, setTo] = useState(versions[0]?.id ?? "");
  const [diff, setDiff] = useState<{ diff: Diff; from: { number: number }; to: { number: number } } | null>(null);
  const { error, run } = useApiCall();

  async function compare() {
    const r = await run(() => api<NonNullable<typeof diff>>(`/api/admin/faq/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
    if (r) setDiff(r);
  }

  if (versions.length === 0) return null;
  return (
    <Card title="Version history" testId="faq-history">
      <Table columns={["Version", "Entries", "Source", "When", "Download"]}>
          {versions.map((v) => (
            <tr key={v.id} data-testid="faq-version">
              <td className="p-1.5 font-medium">v{v.number}</td>
              <td className="p-1.5">{v.entryCount}</td>
              <td className="p-1.5 text-slate-600">
                {SOURCE[v.source] ?? v.source}
                {v.fileName ? ` (${v.fileName})` : ""}
                {v.createdBy ? ` by ${v.createdBy}` : ""}
              </td>
              <td className="p-1.5 text-slate-600">{new Date(v.createdAt).toLocaleString()}</td>
              <td className="p-1.5">
                <ExportLinks versionId={v.id} />
              </td>
            </tr>
          ))}
      </Table>
      {versions.length > 1 && (
        <div className="mt-4 space-y-3 border-t border-slate-100 pt-3">
          <div className="flex flex-wrap items-end gap-2 text-sm">
            <VersionSelect label="Compare" versions={versions} value={from} onChange={setFrom} testId="diff-from" />
            <VersionSelect label="with" versions={versions} value={to} onChange={setTo} testId="diff-to" />
            <Button onClick={() => void compare()} data-testid="diff-compare">
              Show differences
            </Button>
          </div>
          {error && <Notice kind="error">{error}</Notice>}
          {diff && <DiffView {...diff} />}
        </div>
      )}
    </Card>
  );
}

function DiffView({ diff, from, to }: { diff: Diff; from: { number: number }; to: { number: number } }) {
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <div className="space-y-3 text-sm" data-testid="faq-diff">
      <p className="text-slate-600">
        From v{from.number} to v{to.number}: {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed, {diff.unchanged} unchanged.
      </p>
      {none && <p>The two versions have the same entries.</p>}
      {diff.added.map((e) => (
        <div key={`a-${e.key}`} className="rounded border-l-4 border-green-500 bg-green-50 p-2" data-testid="diff-added">
          <span className="font-medium">Added:</span> {e.question} <span className="text-xs text-slate-500">({e.key})</span>
        </div>
      ))}
      {diff.removed.map((e) => (
        <div key={`r-${e.key}`} className="rounded border-l-4 border-red-500 bg-red-50 p-2" data-testid="diff-removed">
          <span className="font-medium">Removed:</span> {e.question} <span className="text-xs text-slate-500">({e.key})</span>
        </div>
      ))}
      {diff.changed.map((c) => (
        <div key={`c-${c.key}`} className="rounded border-l-4 border-amber-500 bg-amber-50 p-2" data-testid="diff-changed">
          <p>
            <span className="font-medium">Changed:</span> {c.after.question} <span className="text-xs text-slate-500">({c.key})</span>
          </p>
          <ul className="mt-1 space-y-1">
            {c.fields.map((f) => (
              <li key={f.field}>
                <span className="text-xs uppercase text-slate-500">{f.field}</span>
                <div className="whitespace-pre-line text-red-800 line-through">{show(f.before)}</div>
                <div className="whitespace-pre-line text-green-800">{show(f.after)}</div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function VersionSelect(props: { label: string; versions: { id: string; number: number }[]; value: string; onChange: (id: string) => void; testId: string }) {
  return (
    <Field compact label={props.label}>
      <select className={inputClass} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <Options items={props.versions} value={(v) => v.id} label={(v) => `v${v.number}`} />
      </select>
    </Field>
  );
}

"use client";
// Upload with a preview step: the file is parsed on the server and shown (every entry, or every
// error with its line) before anything is saved, with what saving changes: the version it creates
// and replaces, and the entries added, removed and changed against it (or that it is identical).
// "Save as new version" then stores it.
import { useRef, useState } from "react";
import { api, ApiError } from "../api";
import { Button, Card, LineErrorList, Notice, Table } from "../ui";
import type { Preview, UploadChange } from "./types";
import { FileFormatHelp } from "./file-format";
import { describeFieldChange, keyMatchingHint, uploadChangeCounts, uploadChangeHeadline } from "./upload-change";

export function FaqUpload({ onSaved, emptyFaq = false }: { onSaved: (message: string) => void; /** The workspace has no FAQ yet (the file format is shown open). */ emptyFaq?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [change, setChange] = useState<UploadChange | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);

  const form = (f: File) => {
    const data = new FormData();
    data.set("file", f, f.name);
    return data;
  };

  async function runPreview(f: File) {
    setFile(f);
    setPreview(null);
    setChange(null);
    setError(null);
    setBusy("preview");
    try {
      const r = await api<{ preview: Preview; change: UploadChange | null }>("/api/admin/faq/preview", { form: form(f) });
      setPreview(r.preview);
      setChange(r.change);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    if (!file) return;
    setBusy("save");
    setError(null);
    try {
      const r = await api<{ version: { number: number; entryCount: number } }>("/api/admin/faq/upload", { form: form(file) });
      setPreview(null);
      setChange(null);
      setFile(null);
      if (input.current) input.current.value = "";
      onSaved(`Saved as FAQ version ${r.version.number} with ${r.version.entryCount} entries. Train a model on it to use it in the chat.`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="Upload a file" testId="faq-upload">
      <p className="mb-3 text-sm text-slate-600">CSV, JSON or Markdown (UTF-8, up to 5 MB). You will see a preview before anything is saved.</p>
      <input
        ref={input}
        type="file"
        accept=".csv,.json,.md,.markdown,.txt,text/csv,application/json,text/markdown"
        data-testid="faq-file"
        className="block text-sm"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void runPreview(f);
        }}
      />
      <FileFormatHelp emptyFaq={emptyFaq} />
      {busy === "preview" && <p className="mt-3 text-sm text-slate-500">Checking the file…</p>}
      {error && (
        <div className="mt-3 space-y-2">
          <Notice kind="error">{error.message}</Notice>
          {error.lineErrors.length > 0 && <LineErrorList errors={error.lineErrors} />}
        </div>
      )}
      {preview && !preview.ok && (
        <div className="mt-3 space-y-2" data-testid="preview-errors">
          <Notice kind="error" testId="nothing-saved">
            {file?.name} has {preview.errors.length} problem{preview.errors.length === 1 ? "" : "s"}. <strong>Nothing was saved.</strong> Fix {preview.errors.length === 1 ? "it" : "them"} in the file and choose it again.
          </Notice>
          <LineErrorList errors={preview.errors} />
        </div>
      )}
      {preview?.ok && (
        <div className="mt-3 space-y-3" data-testid="preview-ok">
          <Notice kind="info">
            {file?.name}: {preview.entries.length} entries read ({preview.format}). Nothing is saved until you click “Save as new version”.
          </Notice>
          {change && <ChangeSummary change={change} />}
          {preview.warnings.length > 0 && (
            <details className="text-sm" open>
              <summary className="cursor-pointer text-amber-800">{preview.warnings.length} warning{preview.warnings.length === 1 ? "" : "s"} (the file can still be saved)</summary>
              <ul className="mt-1 list-disc pl-5 text-amber-900">
                {preview.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
            <Table columns={["Question", "Answer", "Alt.", "Category", "Lang"]} testId="preview-table" sticky>
                {preview.entries.map((e) => (
                  <tr key={e.key} data-testid="preview-row">
                    <td className="p-2 align-top">{e.question}</td>
                    <td className="max-w-md p-2 align-top text-slate-600">
                      <span className="line-clamp-2 whitespace-pre-line">{e.answer}</span>
                    </td>
                    <td className="p-2 align-top" title={e.alternatives.join("\n")}>
                      {e.alternatives.length}
                    </td>
                    <td className="p-2 align-top">{e.category ?? "—"}</td>
                    <td className="p-2 align-top font-mono">{e.language}</td>
                  </tr>
                ))}
            </Table>
          </div>
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => void save()} disabled={busy !== null} data-testid="save-upload">
              {busy === "save" ? "Saving…" : "Save as new version"}
            </Button>
            <Button
              onClick={() => {
                setPreview(null);
                setChange(null);
                setFile(null);
                if (input.current) input.current.value = "";
              }}
            >
              Discard
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}

/** What saving the file changes: the version it creates and replaces, and a compact diff. */
function ChangeSummary({ change }: { change: UploadChange }) {
  const counts = uploadChangeCounts(change);
  const hint = keyMatchingHint(change);
  const same = change.identical || change.reordered;
  return (
    <div className={`space-y-2 rounded-md border p-3 text-sm ${same ? "border-amber-300 bg-amber-50" : "border-slate-200"}`} data-testid="upload-change" data-identical={change.identical ? "true" : "false"}>
      <p className="font-medium" data-testid="upload-change-headline">
        {uploadChangeHeadline(change)}
      </p>
      {counts && <p data-testid="upload-change-counts">{counts}</p>}
      {(change.added.length > 0 || change.removed.length > 0 || change.changed.length > 0) && (
        <ul className="max-h-64 space-y-1 overflow-auto" aria-label={`Differences from FAQ v${change.current?.number ?? ""}`}>
          {change.added.map((e) => (
            <li key={`a-${e.key}`} className="border-l-4 border-green-500 pl-2" data-testid="change-added">
              <span className="font-medium">Added:</span> {e.question}
            </li>
          ))}
          {change.removed.map((e) => (
            <li key={`r-${e.key}`} className="border-l-4 border-red-500 pl-2" data-testid="change-removed">
              <span className="font-medium">Removed:</span> {e.question}
            </li>
          ))}
          {change.changed.map((c) => (
            <li key={`c-${c.key}`} className="border-l-4 border-amber-500 pl-2" data-testid="change-changed">
              <span className="font-medium">Changed:</span> {c.question} <span className="text-slate-600">— {c.fields.map(describeFieldChange).join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <p className="text-xs text-slate-500">Nothing changes in the chat until you train a model on FAQ v{change.next.number} and publish it.</p>
    </div>
  );
}

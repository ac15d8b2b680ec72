"use client";
// Upload of one or many documents with a preview step: each file is read on the server and shown
// (title, language, passages — or what is wrong with it) before anything is saved.
import { useRef, useState } from "react";
import type { FilePreview } from "@/lib/knowledge/files";
import { api, ApiError } from "../api";
import { Button, Card, Field, fieldClass, Notice } from "../ui";

export function KnowledgeUpload({ onSaved }: { onSaved: (message: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [url, setUrl] = useState("");
  const [preview, setPreview] = useState<{ ok: boolean; files: FilePreview[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);

  const form = (list: File[]) => {
    const data = new FormData();
    for (const f of list) data.append("file", f, f.name);
    if (url.trim() && list.length === 1) data.set("url", url.trim());
    return data;
  };

  function reset() {
    setPreview(null);
    setFiles([]);
    setUrl("");
    if (input.current) input.current.value = "";
  }

  async function runPreview(list: File[]) {
    setFiles(list);
    setPreview(null);
    setError(null);
    setBusy("preview");
    try {
      setPreview((await api<{ preview: { ok: boolean; files: FilePreview[] } }>("/api/admin/knowledge/preview", { form: form(list) })).preview);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy("save");
    setError(null);
    try {
      const r = await api<{ version: { number: number }; documents: { title: string }[] }>("/api/admin/knowledge", { form: form(files) });
      reset();
      onSaved(`Saved ${r.documents.length} document${r.documents.length === 1 ? "" : "s"} as knowledge version ${r.version.number}. The bot answers from ${r.documents.length === 1 ? "it" : "them"} now.`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  }

  const bad = preview?.files.filter((f) => !f.ok) ?? [];
  return (
    <Card title="Upload documents" testId="knowledge-upload">
      <p className="mb-3 text-sm text-slate-600">
        Help-centre articles, policies, manuals: Markdown, HTML, plain text or PDF (with selectable text), up to 5 MB each, several at once. When no FAQ entry answers a
        question, the bot quotes the passage that does and links to the document. You will see a preview before anything is saved.
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".md,.markdown,.html,.htm,.txt,.pdf,text/markdown,text/html,text/plain,application/pdf"
        data-testid="knowledge-files"
        className="block text-sm"
        onChange={(e) => {
          const list = [...(e.currentTarget.files ?? [])];
          if (list.length) void runPreview(list);
        }}
      />
      {busy === "preview" && <p className="mt-3 text-sm text-slate-500">Reading the files…</p>}
      {error && (
        <div className="mt-3 space-y-1" data-testid="knowledge-error">
          <Notice kind="error">{error.message}</Notice>
          {error.lineErrors.length > 1 && (
            <ul className="list-disc pl-5 text-sm text-red-800">
              {error.lineErrors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <div className="mt-3 space-y-3" data-testid="knowledge-preview">
          {bad.length > 0 ? (
            <Notice kind="error" testId="knowledge-nothing-saved">
              {bad.length} of {preview.files.length} file{preview.files.length === 1 ? "" : "s"} cannot be used. <strong>Nothing will be saved</strong> until {bad.length === 1 ? "it is" : "they are"} fixed or left out.
            </Notice>
          ) : (
            <Notice kind="info">Nothing is saved until you click “Save documents”.</Notice>
          )}
          <ul className="space-y-2">
            {preview.files.map((f, i) => (
              <li key={i} className={`rounded-md border p-2 text-sm ${f.ok ? "border-slate-200" : "border-red-300 bg-red-50"}`} data-testid="knowledge-preview-file" data-ok={f.ok}>
                {f.ok && f.document ? (
                  <>
                    <p>
                      <span className="font-medium">{f.document.title}</span> <span className="text-slate-500">— {f.fileName}, {f.document.format}, {f.document.language}, {f.document.words} words, {f.document.passageCount} passage{f.document.passageCount === 1 ? "" : "s"}</span>
                    </p>
                    {f.warnings.map((w, k) => (
                      <p key={k} className="text-amber-800">{w}</p>
                    ))}
                    <details className="mt-1">
                      <summary className="cursor-pointer text-slate-600">First passages</summary>
                      {f.document.passages.map((p, k) => (
                        <blockquote key={k} className="mt-1 whitespace-pre-line border-l-4 border-slate-300 pl-2 text-slate-700">
                          {p.heading && <span className="block font-medium">{p.heading}</span>}
                          {p.text}
                        </blockquote>
                      ))}
                    </details>
                  </>
                ) : (
                  <p className="text-red-800" data-testid="knowledge-file-error">{f.error?.message}</p>
                )}
              </li>
            ))}
          </ul>
          {files.length === 1 && preview.ok && (
            <Field label="Link to the article on your site (optional)" hint="Customers open this from the answer. Without it they get the document's page on this server.">
              <input className={fieldClass} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" data-testid="knowledge-url" />
            </Field>
          )}
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => void save()} disabled={busy !== null || !preview.ok} data-testid="knowledge-save">
              {busy === "save" ? "Saving…" : "Save documents"}
            </Button>
            <Button onClick={reset}>Discard</Button>
          </div>
        </div>
      )}
    </Card>
  );
}

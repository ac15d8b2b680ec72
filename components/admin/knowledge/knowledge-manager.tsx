"use client";
// The Knowledge page: upload (with preview), the documents the bot answers from (search by
// title or text, open, delete), a question box that shows which passages a question finds and
// whether the bot would answer, and the version history (restore an earlier set of documents).
import { useState } from "react";
import type { DocumentView, KnowledgeVersionView } from "@/lib/knowledge/documents";
import type { KnowledgeSearchResult } from "@/lib/knowledge/search";
import { api } from "../api";
import { useApiCall } from "../use-api-call";
import { Button, Card, inputClass, Notice, Table } from "../ui";
import { KnowledgeUpload } from "./knowledge-upload";
import { useConfirm } from "../confirm-dialog";

interface State {
  documents: DocumentView[];
  versions: KnowledgeVersionView[];
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function KnowledgeManager({ initial, widgetKey }: { initial: State; widgetKey: string }) {
  const [state, setState] = useState<State>(initial);
  const [filter, setFilter] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const list = useApiCall();
  const ask = useApiCall();
  const [question, setQuestion] = useState("");
  const [found, setFound] = useState<KnowledgeSearchResult | null>(null);
  const { confirm, dialog } = useConfirm();

  async function reload(q = filter) {
    const r = await list.run(() => api<State>(`/api/admin/knowledge${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ""}`));
    if (r) setState({ documents: r.documents, versions: r.versions });
  }

  async function remove(d: DocumentView, trigger: HTMLElement) {
    const ok = await confirm({ title: `Delete “${d.title}”?`, body: "The bot stops answering from it at once. You can restore it from the version history below.", confirmLabel: "Delete document", tone: "danger" }, trigger);
    if (!ok) return;
    const r = await list.run(() => api<{ version: { number: number } }>(`/api/admin/knowledge/${d.id}`, { method: "DELETE" }));
    if (r) {
      setMessage(`Deleted “${d.title}” (knowledge version ${r.version.number}).`);
      await reload();
    }
  }

  async function restore(v: KnowledgeVersionView) {
    const r = await list.run(() => api<{ version: { number: number } }>(`/api/admin/knowledge/versions/${v.id}`, { method: "POST" }));
    if (r) {
      setMessage(`Restored the documents of version ${v.number} as version ${r.version.number}.`);
      await reload();
    }
  }

  async function search(e: React.FormEvent) {
    e.preventDefault();
    setFound((await ask.run(() => api<KnowledgeSearchResult>(`/api/admin/knowledge/search?q=${encodeURIComponent(question)}`))) ?? null);
  }

  const link = (d: DocumentView) => d.url ?? `/help/${encodeURIComponent(widgetKey)}/${d.id}`;
  return (
    <div className="space-y-4">
      {message && <Notice kind="success" testId="knowledge-message">{message}</Notice>}
      <KnowledgeUpload
        onSaved={(m) => {
          setMessage(m);
          void reload();
        }}
      />
      <Card title={`Documents (${state.documents.length})`} testId="knowledge-documents">
        <form
          className="mb-3 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void reload();
          }}
        >
          <input className={`${inputClass} flex-1`} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Search titles and text…" aria-label="Search documents" data-testid="knowledge-filter" />
          <Button type="submit" disabled={list.busy}>Search</Button>
        </form>
        {list.error && <Notice kind="error">{list.error}</Notice>}
        {state.documents.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="knowledge-empty">{filter.trim() ? "No document matches." : "No documents yet. Upload your help-centre articles above, or send them with POST /api/v1/knowledge."}</p>
        ) : (
          <Table columns={["Title", "Format", "Language", "Passages", "Size", "Added", ""]} testId="knowledge-table">
            {state.documents.map((d) => (
              <tr key={d.id} className="border-t border-slate-100" data-testid="knowledge-row">
                <td className="p-2">
                  <a href={link(d)} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">{d.title}</a>
                  {d.fileName && <span className="block text-xs text-slate-400">{d.fileName}</span>}
                </td>
                <td className="p-2">{d.format}</td>
                <td className="p-2 font-mono">{d.language}</td>
                <td className="p-2">{d.passageCount}</td>
                <td className="p-2">{size(d.byteSize)}</td>
                <td className="p-2">{new Date(d.createdAt).toLocaleDateString()}</td>
                <td className="p-2 text-right">
                  <Button onClick={(e) => void remove(d, e.currentTarget)} disabled={list.busy} data-testid="knowledge-delete">Delete</Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title="Ask the documents" testId="knowledge-ask">
        <p className="mb-2 text-sm text-slate-600">Type a customer question to see which passages it finds and whether the bot would answer it from them (when no FAQ entry answers).</p>
        <form onSubmit={(e) => void search(e)} className="flex gap-2">
          <input className={`${inputClass} flex-1`} value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Do you offer gift wrapping?" data-testid="knowledge-question" />
          <Button type="submit" variant="primary" disabled={ask.busy || !question.trim()} data-testid="knowledge-ask-button">Ask</Button>
        </form>
        {ask.error && <Notice kind="error">{ask.error}</Notice>}
        {found && (
          <div className="mt-3 space-y-2 text-sm" data-testid="knowledge-answer" data-answered={found.answered}>
            {found.answered ? (
              <blockquote className="whitespace-pre-line rounded-md border-l-4 border-blue-500 bg-blue-50 p-2">{found.quote}</blockquote>
            ) : (
              <Notice kind="warning">No passage is relevant enough (relevance below {Math.round(found.threshold * 100)}%): the bot would not answer from the documents.</Notice>
            )}
            {found.passages.length > 0 && (
              <Table columns={["Passage", "Relevance"]} small={false}>
                {found.passages.map((p, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top">
                    <td className="p-1">
                      <span className="font-medium">{p.title}{p.heading && p.heading !== p.title ? ` — ${p.heading}` : ""}</span>
                      <span className="line-clamp-2 block whitespace-pre-line text-slate-600">{p.text}</span>
                    </td>
                    <td className="p-1">{Math.round(p.relevance * 100)}%</td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        )}
      </Card>
      {state.versions.length > 0 && (
        <Card title="History" testId="knowledge-history">
          <Table columns={["Version", "Change", "Documents", "When", ""]}>
            {state.versions.map((v, i) => (
              <tr key={v.id} className="border-t border-slate-100">
                <td className="p-2">v{v.number}{i === 0 ? " (current)" : ""}</td>
                <td className="p-2">{v.note ?? v.source}</td>
                <td className="p-2">{v.documentCount}</td>
                <td className="p-2">{new Date(v.createdAt).toLocaleString()}</td>
                <td className="p-2 text-right">{i > 0 && <Button onClick={() => void restore(v)} disabled={list.busy}>Restore</Button>}</td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
      {dialog}
    </div>
  );
}

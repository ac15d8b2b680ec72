"use client";
// Data-rights requests: find a visitor, download everything stored about them, or erase them
// (after typing DELETE: it cannot be undone).
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { VisitorMatch } from "@/lib/privacy/find-visitor";
import { api } from "@/components/admin/api";
import { useApiCall } from "@/components/admin/use-api-call";
import { Button, Card, Notice, inputClass } from "@/components/admin/ui";

export function PrivacyConsole({ exportNote }: { exportNote: string }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<VisitorMatch[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [deleted, setDeleted] = useState<string | null>(null);
  const { error, run } = useApiCall();
  const ready = useHydrated();

  async function search(e: React.FormEvent) {
    e.preventDefault();
    setDeleted(null);
    const r = await run(() => api<{ visitors: VisitorMatch[] }>(`/api/admin/privacy/visitors?q=${encodeURIComponent(q)}`), "Search failed.");
    if (r) setResults(r.visitors);
  }

  async function erase(id: string) {
    const r = await run(() => api<{ deleted: Record<string, number> }>(`/api/admin/privacy/visitors/${id}`, { method: "DELETE" }), "Deletion failed.");
    if (!r) return;
    setResults((results ?? []).filter((v) => v.id !== id));
    setDeleted(`Visitor ${id} deleted: ${Object.entries(r.deleted).map(([k, n]) => `${n} ${k}`).join(", ")}.`);
    setConfirming(null);
    setTyped("");
  }

  return (
    <div className="space-y-6" data-testid="privacy" data-ready={ready ? "true" : "false"}>
      <Card title="Find a visitor">
        <form onSubmit={search} className="flex flex-wrap gap-2" data-testid="visitor-search">
          <input name="q" className={`${inputClass} max-w-md`} value={q} onChange={(e) => setQ(e.target.value)} placeholder="Visitor id, e-mail address, conversation id or customer id" required />
          <Button type="submit" variant="primary">
            Search
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">About the export: {exportNote}</p>
      </Card>
      {error && <Notice kind="error">{error}</Notice>}
      {deleted && (
        <Notice kind="success" testId="visitor-deleted">
          {deleted}
        </Notice>
      )}
      {results && (
        <Card title="Visitors found">
          {results.length === 0 ? (
            <p className="text-sm text-slate-500">No visitor matches.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="visitor-results">
              {results.map((v) => (
                <li key={v.id} className="space-y-2 py-3" data-testid="visitor-result" data-visitor-id={v.id}>
                  <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <div>
                      <div className="font-mono text-xs">{v.id}</div>
                      <div>
                        {v.name ?? "no name"} · {v.email ?? "no e-mail"}{v.customerId ? ` · customer ${v.customerId} (verified)` : ""} · {v.conversations} conversation{v.conversations === 1 ? "" : "s"} · last seen {new Date(v.lastSeenAt).toLocaleString()}
                      </div>
                    </div>
                    <div className="flex gap-2">
                      <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium" href={`/api/admin/privacy/visitors/${v.id}`} download data-testid="export-visitor">
                        Export JSON
                      </a>
                      <Button variant="danger" onClick={() => setConfirming(v.id)}>
                        Delete…
                      </Button>
                    </div>
                  </div>
                  {confirming === v.id && (
                    <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm" data-testid="confirm-delete">
                      <p>This permanently deletes the visitor, all their conversations and messages, ratings and offline messages. It cannot be undone. Type DELETE to confirm.</p>
                      <input className={`${inputClass} max-w-40`} value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type DELETE to confirm" />
                      <div className="flex gap-2">
                        <Button variant="danger" disabled={typed !== "DELETE"} onClick={() => void erase(v.id)}>
                          Delete permanently
                        </Button>
                        <Button onClick={() => setConfirming(null)}>Cancel</Button>
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}

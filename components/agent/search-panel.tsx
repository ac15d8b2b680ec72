// Searching the workspace's conversations by the words in them (GET /api/conversations/search),
// with filters; a result opens the conversation beside the queue.
"use client";

import { forwardRef, useState } from "react";
import type { SearchResult } from "@/lib/conversations/search";
import { workspaceHeaders } from "@/components/workspace/page-workspace";
import { languageLabel } from "./labels";

const STATUSES = ["open", "queued", "assigned", "resolved", "closed"] as const;

export const SearchPanel = forwardRef<HTMLInputElement, { teams: { id: string; name: string }[]; onOpen: (conversationId: string) => void }>(function SearchPanel({ teams, onOpen }, ref) {
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const params = new URLSearchParams();
    for (const key of ["q", "status", "teamId", "rating", "from", "to"]) {
      const v = String(data.get(key) ?? "").trim();
      if (v) params.set(key, v);
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/conversations/search?${params}`, { headers: workspaceHeaders(), cache: "no-store" });
      const body = (await res.json().catch(() => null)) as { results?: SearchResult[]; error?: { message: string; details?: { path: string; message: string }[] } } | null;
      if (!res.ok) {
        setResults(null);
        setError(body?.error?.details?.map((d) => d.message).join(" ") || body?.error?.message || `The server answered ${res.status}.`);
      } else setResults(body?.results ?? []);
    } catch {
      setError("Cannot reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200";
  return (
    <section aria-labelledby="search-heading" className="space-y-2">
      <h2 id="search-heading" className="text-sm font-semibold text-slate-700">
        Search conversations
      </h2>
      <form role="search" onSubmit={(e) => void submit(e)} className="space-y-2" data-testid="search-form">
        <div className="flex gap-1">
          <input ref={ref} name="q" type="search" aria-label="Words to search for" placeholder="A word they wrote… ( / )" className={input} data-testid="search-input" />
          <button type="submit" disabled={busy} className="rounded-md border border-slate-300 px-2 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50">
            {busy ? "…" : "Search"}
          </button>
        </div>
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer select-none">Filters</summary>
          <div className="mt-1 grid grid-cols-2 gap-1">
            <label>
              Status
              <select name="status" className={input} data-testid="search-status">
                <option value="">any</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Rating
              <select name="rating" className={input}>
                <option value="">any</option>
                {[5, 4, 3, 2, 1].map((r) => (
                  <option key={r} value={r}>
                    {r}★
                  </option>
                ))}
              </select>
            </label>
            {teams.length > 0 && (
              <label className="col-span-2">
                Team
                <select name="teamId" className={input}>
                  <option value="">any</option>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              From
              <input name="from" type="date" className={input} />
            </label>
            <label>
              To
              <input name="to" type="date" className={input} />
            </label>
          </div>
        </details>
      </form>
      {error && (
        <p role="alert" className="text-xs text-red-700" data-testid="search-error">
          {error}
        </p>
      )}
      {results &&
        (results.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="search-empty">
            No conversation contains those words.
          </p>
        ) : (
          <ul className="space-y-1" data-testid="search-results">
            {results.map((r) => (
              <li key={r.conversationId}>
                <button
                  type="button"
                  onClick={() => onOpen(r.conversationId)}
                  data-testid="search-result"
                  data-conversation-id={r.conversationId}
                  className="w-full rounded-lg border border-slate-200 bg-white p-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                >
                  <span className="flex justify-between gap-2 text-xs text-slate-500">
                    <span>
                      {new Date(r.createdAt).toLocaleDateString()} · {r.status}
                      {r.team ? ` · ${r.team.name}` : ""}
                    </span>
                    <span>{languageLabel(r.language)}</span>
                  </span>
                  <span className="block break-words text-slate-800" data-testid="search-snippet">
                    {r.snippet}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
});

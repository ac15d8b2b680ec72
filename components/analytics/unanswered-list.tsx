"use client";
// The most frequent questions the bot could not answer, grouped by similarity, each with an
// "Add to FAQ" form.
import { useState } from "react";
import type { QuestionCluster } from "@/lib/analytics/cluster";
import { Button } from "@/components/admin/ui";
import { AddToFaqForm } from "./add-to-faq-form";

export function UnansweredList({ clusters, languages, defaultLanguage }: { clusters: QuestionCluster[]; languages: string[]; defaultLanguage: string }) {
  const [open, setOpen] = useState<number | null>(null);
  if (clusters.length === 0) return <p className="text-sm text-slate-500">No unanswered questions in this period.</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="unanswered-list">
      {clusters.map((c, i) => (
        <li key={c.representative} className="space-y-2 py-3" data-testid="unanswered-item">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium" data-testid="unanswered-question">
                {c.representative}
              </p>
              {c.examples.length > 1 && <p className="truncate text-xs text-slate-500">Also: {c.examples.slice(1).join(" · ")}</p>}
            </div>
            <div className="flex items-center gap-3">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm tabular-nums" data-testid="unanswered-count">
                {c.count}×
              </span>
              {open !== i && <Button onClick={() => setOpen(i)}>Add to FAQ</Button>}
            </div>
          </div>
          {open === i && <AddToFaqForm question={c.representative} examples={c.examples} language={c.language ?? defaultLanguage} languages={languages} onClose={() => setOpen(null)} />}
        </li>
      ))}
    </ol>
  );
}

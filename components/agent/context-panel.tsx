// Why this conversation came to a person and what happened before: the handoff reason and
// trigger, the customer's questions, every bot decision with its confidence, the rating.
"use client";

import type { ConversationDetail } from "@/lib/handoff/agent-protocol";
import { decisionLabel, entryLabel, formatTime, languageLabel, percent, reasonLabel, triggerDetail } from "./labels";

const STATUS: Record<string, string> = { open: "with the bot", queued: "waiting", assigned: "with an agent", resolved: "resolved", closed: "closed" };

export function ContextPanel({ c, onOpen }: { c: ConversationDetail; onOpen?: (conversationId: string) => void }) {
  // The trigger under the reason, unless it only repeats it ("Asked for a person" / "asked for a person").
  const trigger = c.handoff ? triggerDetail(c.handoff.reason, c.handoff.context?.trigger) : null;
  return (
    <aside aria-label="Conversation context" className="space-y-4 text-sm" data-testid="context-panel">
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Customer</h3>
        <p>{c.visitor.name ?? "Anonymous visitor"}</p>
        {c.visitor.verified && (
          <p className="text-green-800" data-testid="visitor-verified" title="The website proved who this customer is (identity signature)">
            ✓ Verified · customer {c.visitor.customerId}
          </p>
        )}
        {c.visitor.email && <p className="break-all text-slate-600">{c.visitor.email}</p>}
        <p className="text-slate-600">{languageLabel(c.language)}</p>
      </section>
      {c.visitor.prechat && (
        <section data-testid="context-prechat">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Pre-chat form</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2">
            {(["name", "email", "topic"] as const).map((f) =>
              c.visitor.prechat![f] ? (
                <div key={f} className="contents">
                  <dt className="text-slate-500">{{ name: "Name", email: "E-mail", topic: "Topic" }[f]}</dt>
                  <dd className="break-words" data-testid={`prechat-${f}`}>
                    {c.visitor.prechat![f]}
                  </dd>
                </div>
              ) : null,
            )}
          </dl>
        </section>
      )}
      {c.handoff && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Handoff</h3>
          <p data-testid="context-reason">{reasonLabel(c.handoff.reason)}</p>
          {trigger && (
            <p className="text-slate-600" data-testid="context-trigger">
              {trigger}
            </p>
          )}
          <p className="text-slate-600">
            Queued {formatTime(c.handoff.queuedAt)}
            {c.handoff.claimedAt ? ` · taken ${formatTime(c.handoff.claimedAt)}` : ""}
          </p>
          {c.handoff.team && <p className="text-slate-600" data-testid="context-team">Team: {c.handoff.team.name}</p>}
          {c.handoff.firstResponseDueAt && (
            <p className="text-slate-600" data-testid="context-sla">
              First response due {formatTime(c.handoff.firstResponseDueAt)}
              {c.handoff.firstResponseAt
                ? new Date(c.handoff.firstResponseAt) > new Date(c.handoff.firstResponseDueAt)
                  ? " · answered late (breached)"
                  : " · met"
                : Date.now() > new Date(c.handoff.firstResponseDueAt).getTime()
                  ? " · breached"
                  : ""}
            </p>
          )}
        </section>
      )}
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Earlier conversations</h3>
        {c.history.length === 0 ? (
          <p className="text-slate-500" data-testid="history-none">
            First conversation with this customer.
          </p>
        ) : (
          <ul className="space-y-1" data-testid="customer-history">
            {c.history.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  onClick={() => onOpen?.(h.id)}
                  data-testid="customer-history-item"
                  data-conversation-id={h.id}
                  data-matched-by={h.matchedBy}
                  className="w-full rounded border border-slate-200 bg-white p-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  <span className="block text-xs text-slate-500">
                    {new Date(h.createdAt).toLocaleDateString()} · {STATUS[h.status] ?? h.status} · {h.messageCount} messages{h.matchedBy === "email" ? " · same e-mail" : ""}
                  </span>
                  <span className="block truncate">{h.firstMessage ?? "(no message from the customer)"}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Bot decisions</h3>
        {c.decisions.length === 0 ? (
          <p className="text-slate-500">The bot made no decisions in this conversation.</p>
        ) : (
          <ol className="space-y-1.5" data-testid="decisions">
            {c.decisions.map((d, i) => (
              <li key={i} className="rounded border border-slate-200 bg-white p-2" data-testid="decision" data-kind={d.kind}>
                <span className="font-medium">{decisionLabel(d.kind)}</span> · {percent(d.confidence)}
                {d.faqEntryKey && <span className="text-slate-500"> · {entryLabel(d.kind, d.faqEntryKey)}</span>}
                <p className="text-xs text-slate-500">{d.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {c.rating && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Rating</h3>
          <p data-testid="context-rating">
            {"★".repeat(c.rating.score)}
            {"☆".repeat(5 - c.rating.score)} <span className="sr-only">{c.rating.score} of 5</span>
          </p>
          {c.rating.comment && <p className="whitespace-pre-wrap break-words text-slate-600">{c.rating.comment}</p>}
        </section>
      )}
    </aside>
  );
}

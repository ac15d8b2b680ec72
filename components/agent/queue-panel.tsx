// The live queue: who is waiting, why, for how long, in which language, what their problem is and
// what the bot tried. Claim takes the conversation; if another agent was faster the server says so.
"use client";

import type { QueueItem } from "@/lib/handoff/agent-protocol";
import { asksForPerson } from "@/lib/handoff/human-request";
import { useNow } from "./hooks";
import { decisionLabel, entryLabel, formatDuration, languageLabel, percent, reasonLabel, triggerDetail } from "./labels";

const RETURNED_PRIORITY = 100;

/** Time left to the first-response target, or how long ago it was breached. */
export function slaText(dueAt: string, now: number): { breached: boolean; text: string } {
  const left = new Date(dueAt).getTime() - now;
  return left >= 0 ? { breached: false, text: `SLA: ${formatDuration(left)} left` } : { breached: true, text: `SLA breached ${formatDuration(-left)} ago` };
}

/**
 * The card's preview: the customer's latest message that is not itself a request for a person —
 * "I want to talk to a person" only repeats the card's reason, while "my parcel hasn't arrived,
 * order 4471" is what the agent needs before claiming. Looks through the hand-off's context (the
 * customer's messages up to the hand-off) and the latest message (which may be newer); falls back
 * to the latest message when every one asks for a person.
 */
export function queuePreview(item: Pick<QueueItem, "lastMessage" | "context">, isPersonRequest: (text: string) => boolean = asksForPerson): string | null {
  const texts = [...(item.context?.questions ?? [])];
  // The server cuts `lastMessage` at 200 characters (lib/handoff/views.ts): the context's last message is not added twice.
  if (item.lastMessage && texts.at(-1)?.slice(0, 200) !== item.lastMessage) texts.push(item.lastMessage);
  for (let i = texts.length - 1; i >= 0; i--) {
    const text = texts[i]!.trim();
    if (text && !isPersonRequest(text)) return text;
  }
  return item.lastMessage ?? texts.at(-1) ?? null;
}

export function QueuePanel({
  items,
  busyId,
  onClaim,
  onPreview,
  openId = null,
  teamsNote = null,
}: {
  items: QueueItem[];
  busyId: string | null;
  onClaim: (id: string) => void;
  onPreview: (id: string) => void;
  openId?: string | null;
  /** Which teams' queues this is ("Spanish, Billing"), when the workspace has teams. */
  teamsNote?: string | null;
}) {
  const now = useNow();
  return (
    <section aria-labelledby="queue-heading" className="space-y-2">
      <h2 id="queue-heading" className="flex items-center justify-between text-sm font-semibold text-slate-700">
        Queue
        <span className="rounded-full bg-slate-200 px-2 text-xs" data-testid="queue-count">
          {items.length}
        </span>
      </h2>
      {teamsNote && (
        <p className="text-xs text-slate-500" data-testid="queue-teams">
          {teamsNote}
        </p>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="queue-empty">
          Nobody is waiting.
        </p>
      ) : (
        <ol className="space-y-2" data-testid="queue">
          {items.map((q) => (
            <li
              key={q.handoffId}
              className={`rounded-lg border bg-white p-3 text-sm shadow-sm ${openId === q.conversationId ? "border-blue-500 ring-1 ring-blue-500" : "border-slate-200"}`}
              aria-current={openId === q.conversationId ? "true" : undefined}
              data-testid="queue-item"
              data-conversation-id={q.conversationId}
              data-reason={q.reason}
              data-team={q.team?.name ?? ""}
            >
              <div className="flex items-start justify-between gap-2">
                <div>
                  <span className="font-medium" data-testid="queue-reason">
                    {reasonLabel(q.reason)}
                  </span>
                  {q.priority >= RETURNED_PRIORITY && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">Returned — agent left</span>}
                  <div className="text-xs text-slate-500">
                    #{q.position} · <span data-testid="queue-waiting">waiting {formatDuration(now - new Date(q.queuedAt).getTime())}</span> · <span data-testid="queue-language">{languageLabel(q.language)}</span>
                    {q.team && (
                      <>
                        {" "}
                        · <span data-testid="queue-team">{q.team.name}</span>
                      </>
                    )}
                  </div>
                  {q.firstResponseDueAt && <SlaBadge dueAt={q.firstResponseDueAt} now={now} />}
                </div>
                <button
                  type="button"
                  onClick={() => onClaim(q.conversationId)}
                  disabled={busyId === q.conversationId}
                  data-testid="claim"
                  className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60"
                >
                  {busyId === q.conversationId ? "Claiming…" : "Claim"}
                </button>
              </div>
              <QueuePreview item={q} />
              <QueueContext item={q} />
              <button type="button" onClick={() => onPreview(q.conversationId)} className="mt-2 text-xs text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                Read the conversation
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function QueuePreview({ item }: { item: QueueItem }) {
  const text = queuePreview(item);
  if (!text) return null;
  return (
    <p className="mt-2 line-clamp-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-slate-800" data-testid="queue-last-message">
      {text}
    </p>
  );
}

function SlaBadge({ dueAt, now }: { dueAt: string; now: number }) {
  const sla = slaText(dueAt, now);
  return (
    <div className={`mt-1 inline-block rounded px-1.5 text-xs ${sla.breached ? "bg-red-100 font-medium text-red-800" : "bg-emerald-50 text-emerald-800"}`} data-testid="queue-sla" data-breached={sla.breached ? "true" : "false"}>
      {sla.text}
    </div>
  );
}

function QueueContext({ item }: { item: QueueItem }) {
  // A hand-off stored without context (an API client, an older row) has `{}`: nothing to show.
  const context = { trigger: item.context?.trigger ?? "", questions: item.context?.questions ?? [], botAnswers: item.context?.botAnswers ?? [] };
  if (context.questions.length === 0 && context.botAnswers.length === 0) return null;
  // The reason is the item's title already: the trigger only when it says more.
  const trigger = triggerDetail(item.reason, context.trigger);
  return (
    <details className="mt-2 text-xs text-slate-600" data-testid="queue-context">
      <summary className="cursor-pointer select-none focus-visible:outline-2 focus-visible:outline-blue-600">Context{trigger ? ` — ${trigger}` : ""}</summary>
      {context.questions.length > 0 && (
        <>
          <p className="mt-1 font-medium">Customer asked</p>
          <ul className="list-disc pl-4">
            {context.questions.map((q, i) => (
              <li key={i} className="break-words">
                {q}
              </li>
            ))}
          </ul>
        </>
      )}
      {context.botAnswers.length > 0 && (
        <>
          <p className="mt-1 font-medium">Bot</p>
          <ul className="space-y-0.5">
            {context.botAnswers.map((a, i) => (
              <li key={i} className="break-words">
                {decisionLabel(a.decision)} {a.answer ? `(${entryLabel(a.decision, a.answer)})` : ""} · {percent(a.confidence)} <span className="text-slate-400">for “{a.question}”</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

// The agent's own conversations and the offline tickets left while nobody was available (each
// with a link to the chat it was left from, when there was one).
"use client";

import type { ConversationSummary, TicketView } from "@/lib/handoff/agent-protocol";
import { formatTime, languageLabel, reasonLabel } from "./labels";
import type { AgentSocket } from "./agent-socket";
import { TicketReply } from "./ticket-reply";

export function MyConversations({ title, items, openId, unread, onOpen }: { title: string; items: ConversationSummary[]; openId: string | null; unread: Set<string>; onOpen: (id: string) => void }) {
  return (
    <section aria-labelledby="mine-heading" className="space-y-2">
      <h2 id="mine-heading" className="text-sm font-semibold text-slate-700">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">None yet. Claim one from the queue.</p>
      ) : (
        <ul className="space-y-1" data-testid="mine">
          {items.map((c) => (
            <li key={c.conversationId}>
              <button
                type="button"
                onClick={() => onOpen(c.conversationId)}
                aria-current={openId === c.conversationId ? "true" : undefined}
                data-testid="mine-item"
                data-conversation-id={c.conversationId}
                className={`w-full rounded-lg border p-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
                  openId === c.conversationId ? "border-blue-500 bg-blue-50" : "border-slate-200 bg-white hover:bg-slate-50"
                }`}
              >
                <span className="flex justify-between gap-2 text-xs text-slate-500">
                  <span>
                    {reasonLabel(c.reason)}
                    {unread.has(c.conversationId) && (
                      <span className="ml-1.5 rounded-full bg-blue-600 px-1.5 text-white" data-testid="mine-unread">
                        new
                      </span>
                    )}
                  </span>
                  <span>{languageLabel(c.language)}</span>
                </span>
                <span className="block truncate">{c.lastMessage ?? "…"}</span>
                {c.assignedAgentName && <span className="block text-xs text-slate-500">with {c.assignedAgentName}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TicketsPanel({
  items,
  onClose,
  busyId,
  socket = null,
  mailEnabled = false,
  onReplied,
  onOpen,
}: {
  items: TicketView[];
  onClose: (id: string) => void;
  busyId: string | null;
  socket?: AgentSocket | null;
  mailEnabled?: boolean;
  onReplied?: () => void;
  /** Opens a conversation in the console (the ticket's chat). */
  onOpen?: (conversationId: string) => void;
}) {
  return (
    <section aria-labelledby="tickets-heading" className="space-y-2">
      <h2 id="tickets-heading" className="text-sm font-semibold text-slate-700">
        Offline messages <span className="text-xs font-normal text-slate-500">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">No open messages.</p>
      ) : (
        <>
        {!mailEnabled && (
          <p className="text-xs text-slate-500" data-testid="mail-not-configured">
            E-mail is not configured on this server: answer from your own mail program (click the address), then mark the message as handled.
          </p>
        )}
        <ul className="space-y-2" data-testid="tickets">
          {items.map((t) => (
            <li key={t.id} className="rounded-lg border border-slate-200 bg-white p-2 text-sm" data-testid="ticket">
              <div className="flex items-center justify-between gap-2">
                <a href={`mailto:${t.email}`} className="truncate font-medium text-blue-700 hover:underline" data-testid="ticket-email">
                  {t.email}
                </a>
                <span className="shrink-0 text-xs text-slate-500">{formatTime(t.createdAt)}</span>
              </div>
              <p className="mt-1 whitespace-pre-wrap break-words text-slate-800" data-testid="ticket-message">
                {t.message}
              </p>
              {t.conversationId && (
                <a
                  href={conversationHref(t.conversationId)}
                  onClick={(e) => {
                    // A plain click opens it here; a middle or modified click, in a new tab (the link reopens it).
                    if (!onOpen || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                    e.preventDefault();
                    onOpen(t.conversationId!);
                  }}
                  data-testid="ticket-conversation"
                  data-conversation-id={t.conversationId}
                  className="mt-1 inline-block text-xs text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  Read the chat it came from
                </a>
              )}
              <button
                type="button"
                onClick={() => onClose(t.id)}
                disabled={busyId === t.id}
                data-testid="ticket-close"
                className="mt-2 rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60"
              >
                Mark as handled
              </button>
              {mailEnabled && socket && <TicketReply socket={socket} ticketId={t.id} email={t.email} onSent={() => onReplied?.()} />}
            </li>
          ))}
        </ul>
        </>
      )}
    </section>
  );
}

/** The console with one conversation open (agent-console.tsx reads `?conversation=`). */
export const conversationHref = (conversationId: string) => `/agent?conversation=${encodeURIComponent(conversationId)}`;

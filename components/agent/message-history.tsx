// One conversation's full history as the agent sees it: customer, bot (with the decision it made
// and how sure it was), agents, system notices, and internal notes that the customer never sees.
"use client";

import type { AgentWireMessage, DecisionView } from "@/lib/handoff/agent-protocol";
import { decisionLabel, entryLabel, formatTime, percent } from "./labels";
import { AttachmentView } from "@/components/ui/attachment-view";

export interface PendingMessage {
  clientMessageId: string;
  text: string;
  failed: boolean;
}

const ROLE_LABEL: Record<AgentWireMessage["role"], string> = { customer: "Customer", bot: "Bot", agent: "Agent", system: "System", note: "Internal note" };

export function MessageHistory({ messages, decisions, pending, customerTyping }: { messages: AgentWireMessage[]; decisions: DecisionView[]; pending: PendingMessage[]; customerTyping: boolean }) {
  // A decision is logged against the customer message it answers; show it on the bot's reply.
  const byQuestion = new Map(decisions.filter((d) => d.messageId).map((d) => [d.messageId!, d]));
  let lastCustomerId: string | null = null;
  return (
    <ol className="space-y-3" data-testid="history" aria-label="Conversation history">
      {messages.map((m) => {
        if (m.role === "customer") lastCustomerId = m.id;
        const decision = m.role === "bot" && lastCustomerId ? byQuestion.get(lastCustomerId) : undefined;
        return <MessageRow key={m.id} m={m} decision={decision} />;
      })}
      {pending.map((p) => (
        <li key={p.clientMessageId} className="flex justify-end" data-testid="history-message" data-role="agent" data-status={p.failed ? "failed" : "sending"}>
          <div className="max-w-[80%] rounded-lg bg-blue-600/70 px-3 py-2 text-sm text-white">
            <p className="whitespace-pre-wrap break-words">{p.text}</p>
            <p className="mt-1 text-xs opacity-80">{p.failed ? "Not sent" : "Sending…"}</p>
          </div>
        </li>
      ))}
      {customerTyping && (
        <li className="text-xs italic text-slate-500" data-testid="customer-typing">
          The customer is typing…
        </li>
      )}
    </ol>
  );
}

function MessageRow({ m, decision }: { m: AgentWireMessage; decision?: DecisionView }) {
  const common = { "data-testid": "history-message", "data-role": m.role, "data-status": "sent", "data-message-id": m.id };
  if (m.role === "system") {
    return (
      <li {...common} className="text-center text-xs text-slate-500">
        <span className="whitespace-pre-wrap break-words">{m.text}</span> · {formatTime(m.createdAt)}
      </li>
    );
  }
  if (m.role === "note") {
    return (
      <li {...common} className="mx-6 rounded-lg border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">Internal note — not visible to the customer</p>
        <p className="mt-1 whitespace-pre-wrap break-words">{m.text}</p>
        <p className="mt-1 text-xs text-amber-800">
          {m.authorName ?? "Agent"} · {formatTime(m.createdAt)}
        </p>
      </li>
    );
  }
  const mine = m.role === "agent";
  const bubble = m.role === "customer" ? "bg-white border border-slate-200" : m.role === "bot" ? "bg-slate-100 border border-slate-200" : "bg-blue-600 text-white";
  return (
    <li {...common} className={`flex ${mine || m.role === "bot" ? "justify-end" : "justify-start"}`}>
      <div className={`max-w-[80%] rounded-lg px-3 py-2 text-sm ${bubble}`}>
        <p className={`mb-0.5 text-xs ${mine ? "text-blue-100" : "text-slate-500"}`}>
          {m.role === "agent" ? (m.authorName ?? ROLE_LABEL.agent) : ROLE_LABEL[m.role]} · {formatTime(m.createdAt)}
        </p>
        {m.attachment ? <AttachmentView a={m.attachment} tone={mine ? "light" : "dark"} /> : <p className="whitespace-pre-wrap break-words">{m.text}</p>}
        {m.role === "bot" && (
          <p className="mt-1 flex flex-wrap gap-1 text-xs text-slate-600" data-testid="bot-decision">
            {decision ? (
              <>
                <span className="rounded bg-white px-1.5 ring-1 ring-slate-300">{decisionLabel(decision.kind)}</span>
                <span>confidence {percent(decision.confidence)}</span>
                {decision.faqEntryKey && <span className="text-slate-400">· {entryLabel(decision.kind, decision.faqEntryKey)}</span>}
              </>
            ) : (
              m.confidence != null && <span>confidence {percent(m.confidence)}</span>
            )}
            {m.source && <span className="text-slate-400">· from “{m.source.question}”</span>}
          </p>
        )}
      </div>
    </li>
  );
}

"use client";
// Where the visitor stands with the human team: waiting in line (position and estimated wait,
// updated live), talking to a named agent, or nobody available — then an e-mail form.
import { useState } from "react";
import type { HandoffStatus } from "@/lib/chat/protocol";
import type { UiStrings } from "./i18n";

interface Props {
  handoff: HandoffStatus;
  t: UiStrings;
  color: string;
  onTicket: (email: string, message: string) => Promise<{ message: string } | null>;
}

export function HandoffBar({ handoff, t, color, onTicket }: Props) {
  if (handoff.state === "none") return null;
  if (handoff.state === "offline") return <OfflineForm reason={handoff.reason} t={t} color={color} onTicket={onTicket} />;
  const text = handoff.state === "queued" ? t.queued(handoff.position, handoff.etaSeconds) : handoff.state === "assigned" ? t.assigned(handoff.agentName) : t.resolved;
  return (
    <p className="border-t border-slate-200 bg-amber-50 px-3 py-2 text-xs text-slate-700" role="status" data-testid="handoff-status" data-state={handoff.state}>
      {text}
    </p>
  );
}

function OfflineForm({ reason, t, color, onTicket }: { reason?: string; t: UiStrings; color: string; onTicket: Props["onTicket"] }) {
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"editing" | "sending" | "sent">("editing");

  if (state === "sent") {
    return (
      <p className="border-t border-slate-200 bg-green-50 px-3 py-2 text-sm text-green-800" role="status" data-testid="ticket-sent">
        {t.ticketSent}
      </p>
    );
  }
  return (
    <form
      className="space-y-2 border-t border-slate-200 bg-slate-50 p-3 text-sm"
      data-testid="offline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setError(t.invalidEmail);
        if (!message.trim()) return setError(t.emptyMessage);
        setError(null);
        setState("sending");
        const err = await onTicket(email.trim(), message.trim());
        if (err) {
          setError(err.message);
          setState("editing");
        } else setState("sent");
      }}
    >
      <p className="text-slate-700">{t.offlineTitle(reason)}</p>
      <label className="block">
        <span className="mb-0.5 block text-xs font-medium">{t.email}</span>
        <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} className="w-full rounded-md border border-slate-300 px-2 py-1 focus-visible:ring-2 focus-visible:ring-slate-400 focus:outline-none" />
      </label>
      <label className="block">
        <span className="mb-0.5 block text-xs font-medium">{t.message}</span>
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={3} maxLength={4000} className="w-full resize-none rounded-md border border-slate-300 px-2 py-1 focus-visible:ring-2 focus-visible:ring-slate-400 focus:outline-none" />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={state === "sending"} className="rounded-md px-3 py-1.5 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60" style={{ background: color }}>
        {t.sendTicket}
      </button>
    </form>
  );
}

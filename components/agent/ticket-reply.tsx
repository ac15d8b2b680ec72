// Answering an offline message by e-mail from the console (shown only when the server has SMTP):
// the customer receives the agent's text, threaded under their message, and the ticket is closed.
"use client";

import { useState } from "react";
import { call, isOk, type AgentSocket } from "./agent-socket";

export function TicketReply({ socket, ticketId, email, onSent }: { socket: AgentSocket; ticketId: string; email: string; onSent: () => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await call(socket, "ticket:reply", { ticketId, text, close: true });
    setBusy(false);
    if (!isOk(r)) return setError(r.error.message);
    setText("");
    setOpen(false);
    onSent();
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="ticket-reply-open"
        className="ml-2 mt-2 rounded-md border border-blue-300 px-2 py-0.5 text-xs text-blue-800 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Answer by e-mail
      </button>
    );
  }
  return (
    <form onSubmit={send} className="mt-2 space-y-1" data-testid="ticket-reply">
      <label className="block text-xs text-slate-600">
        Your answer to {email}
        <textarea
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          maxLength={10_000}
          required
          className="mt-0.5 w-full rounded-md border border-slate-300 p-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200"
        />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={busy || !text.trim()} data-testid="ticket-reply-send" className="rounded-md bg-blue-600 px-2 py-0.5 text-xs font-medium text-white hover:bg-blue-700 disabled:opacity-60">
          {busy ? "Sending…" : "Send and mark handled"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}

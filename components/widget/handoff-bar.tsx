"use client";
// Where the visitor stands with the human team: waiting in line (position and estimated wait,
// updated live), talking to a named agent, or nobody available — then an e-mail form (also for
// a customer still in line when the last agent has left: they keep their place, and can write).
// The form says why nobody can answer only in that last case: otherwise the chat's system line
// already did. Its message starts with what the customer already wrote (`draft`), editable.
import { useId, useState } from "react";
import type { HandoffStatus } from "@/lib/chat/protocol";
import type { UiStrings } from "./i18n";
import { FormError, SentNote, SubmitButton, WidgetField, widgetFormClass, widgetInputClass } from "./form-parts";

interface Props {
  handoff: HandoffStatus;
  t: UiStrings;
  color: string;
  /** False when nobody from the team could take the chat now (the header says so too). */
  teamAvailable?: boolean;
  onTicket: (email: string, message: string) => Promise<{ message: string } | null>;
  /** The form's starting message (lib/widget/offline-draft.ts); followed until the customer edits it. */
  draft?: string;
}

export function HandoffBar({ handoff, t, color, teamAvailable = true, onTicket, draft = "" }: Props) {
  if (handoff.state === "none") return null;
  if (handoff.state === "offline") return <OfflineForm t={t} color={color} onTicket={onTicket} draft={draft} />;
  const text = handoff.state === "queued" ? t.queued(handoff.position, handoff.etaSeconds) : handoff.state === "assigned" ? t.assigned(handoff.agentName) : t.resolved;
  const status = (
    <p className="border-t border-slate-200 bg-amber-50 px-3 py-2 text-xs text-slate-700" role="status" data-testid="handoff-status" data-state={handoff.state}>
      {text}
    </p>
  );
  if (handoff.state !== "queued" || teamAvailable) return status;
  return (
    <>
      {status}
      <OfflineForm t={t} color={color} onTicket={onTicket} draft={draft} note={t.queuedAway} />
    </>
  );
}

function OfflineForm({ t, color, onTicket, draft, note }: { t: UiStrings; color: string; onTicket: Props["onTicket"]; draft: string; note?: string }) {
  const headingId = useId();
  const [email, setEmail] = useState("");
  // null until the customer types: the message then follows the draft (messages written meanwhile).
  const [edited, setMessage] = useState<string | null>(null);
  const message = edited ?? draft;
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"editing" | "sending" | "sent">("editing");

  if (state === "sent") return <SentNote testId="ticket-sent">{t.ticketSent}</SentNote>;
  return (
    <form
      className={widgetFormClass}
      data-testid="offline-form"
      aria-labelledby={headingId}
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
      <h2 id={headingId} className="font-medium text-slate-800" data-testid="offline-heading">
        {t.offlineHeading}
      </h2>
      {note && <p className="text-slate-700" data-testid="offline-note">{note}</p>}
      <WidgetField label={t.email}>
        <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} className={widgetInputClass} />
      </WidgetField>
      <WidgetField label={t.message}>
        <textarea value={message} data-testid="offline-message" onChange={(e) => setMessage(e.target.value)} rows={3} maxLength={4000} className={`${widgetInputClass} resize-none`} />
      </WidgetField>
      <FormError message={error} />
      <SubmitButton color={color} disabled={state === "sending"}>
        {t.sendTicket}
      </SubmitButton>
    </form>
  );
}

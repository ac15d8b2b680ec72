"use client";
// Where the visitor stands with the human team: waiting in line (position and estimated wait,
// updated live), talking to a named agent, or nobody available — then an e-mail form (also for
// a customer still in line when the last agent has left: they keep their place, and can write).
// The form says why nobody can answer only in that last case: otherwise the chat's system line
// already did. Its message starts with what the customer already wrote (`draft`), editable.
// The customer may close the form and go on chatting with the bot: it shrinks to one line that
// opens it again (what they typed is kept), and opens by itself on the next hand-off status.
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
  if (handoff.state === "offline") return <OfflineForm t={t} color={color} onTicket={onTicket} draft={draft} openKey={handoff} />;
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
      {/* Keyed to the state, not the status object: the place in line moving must not reopen it. */}
      <OfflineForm t={t} color={color} onTicket={onTicket} draft={draft} note={t.queuedAway} openKey={handoff.state} />
    </>
  );
}

/** `openKey`: the form closed for one value of it opens again when it changes (a new hand-off status). */
function OfflineForm({ t, color, onTicket, draft, note, openKey }: { t: UiStrings; color: string; onTicket: Props["onTicket"]; draft: string; note?: string; openKey: unknown }) {
  const headingId = useId();
  // The openKey the customer closed the form for; a new key means a new status, so it shows again.
  const [closedFor, setClosedFor] = useState<unknown>(undefined);
  const [email, setEmail] = useState("");
  // null until the customer types: the message then follows the draft (messages written meanwhile).
  const [edited, setMessage] = useState<string | null>(null);
  const message = edited ?? draft;
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"editing" | "sending" | "sent">("editing");

  if (state === "sent") return <SentNote testId="ticket-sent">{t.ticketSent}</SentNote>;
  if (closedFor === openKey)
    return (
      <div className="border-t border-slate-200 bg-slate-50 px-3 py-1.5 text-sm" data-testid="offline-form-closed">
        {/* Mounted only when the customer closes the form: focus stays in place instead of dropping to the page. */}
        <button type="button" autoFocus aria-expanded="false" onClick={() => setClosedFor(undefined)} className="text-slate-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-slate-900">
          {t.offlineHeading}
        </button>
      </div>
    );
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
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="font-medium text-slate-800" data-testid="offline-heading">
          {t.offlineHeading}
        </h2>
        <button type="button" onClick={() => setClosedFor(openKey)} aria-label={t.closeForm} title={t.closeForm} data-testid="offline-close" className="-m-1 rounded-full p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-slate-900">
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" aria-hidden="true">
            <path d="M18 6 6 18M6 6l12 12" />
          </svg>
        </button>
      </div>
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

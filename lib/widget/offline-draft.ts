// What the widget's "leave us your e-mail" form starts with, so a customer whom nobody can answer
// does not have to type their problem again: what they wrote since a person or the bot last
// answered them, else at least their last real question — never small talk, never the request for
// a person itself. Pure (no React, no sockets); the caller passes the person-request detector
// (lib/handoff/human-request.ts, the one the server decides with).
import type { WireMessage } from "@/lib/chat/protocol";

/** The offline form's message limit (lib/chat/protocol.ts ZOfflineTicket). */
export const OFFLINE_MESSAGE_MAX = 4000;

const ESCALATION_KINDS = new Set(["handoff_queued", "offline"]);

/** A reply that answered the customer: a person wrote, or the bot answered from an FAQ entry or document. */
const answered = (m: WireMessage) => m.role === "agent" || (m.role === "bot" && !!m.source);

/**
 * Small talk, as the bot treated it: its reply names no source, offers no choices and no person,
 * and no hand-off followed ("hi", "thanks", "ok"). Don't-know replies offer a person or come with
 * a hand-off, so the questions they answer are kept.
 */
function isSmallTalk(messages: readonly WireMessage[], i: number): boolean {
  let reply: WireMessage | null = null;
  for (let j = i + 1; j < messages.length && messages[j]!.role !== "customer"; j++) {
    const m = messages[j]!;
    if (m.role === "system" && m.kind && ESCALATION_KINDS.has(m.kind)) return false;
    if (m.role === "bot" && !reply) reply = m;
  }
  return !!reply && !reply.source && !(reply.suggestions?.length ?? 0) && !reply.offerPerson;
}

/**
 * The form's starting text: the customer's messages after the last answer (oldest first, one per
 * line), or else their last real question; "" when they wrote nothing worth repeating. Kept
 * within the form's limit by dropping the oldest messages first.
 */
export function offlineDraft(messages: readonly WireMessage[], asksForPerson: (text: string) => boolean, maxChars = OFFLINE_MESSAGE_MAX): string {
  const real = (i: number): boolean => {
    const m = messages[i]!;
    const text = m.text.trim();
    return m.role === "customer" && !m.attachment && text.length > 0 && !asksForPerson(text) && !isSmallTalk(messages, i);
  };
  let since = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (answered(messages[i]!)) {
      since = i + 1;
      break;
    }
  }
  let picked: string[] = [];
  for (let i = since; i < messages.length; i++) if (real(i)) picked.push(messages[i]!.text.trim());
  if (picked.length === 0) {
    for (let i = since - 1; i >= 0; i--) {
      if (real(i)) {
        picked = [messages[i]!.text.trim()];
        break;
      }
    }
  }
  const kept: string[] = [];
  let length = 0;
  for (const text of picked.reverse()) {
    const added = text.length + (kept.length > 0 ? 1 : 0);
    if (length + added > maxChars) {
      if (kept.length === 0) kept.push(text.slice(0, maxChars));
      break;
    }
    kept.unshift(text);
    length += added;
  }
  return kept.join("\n");
}

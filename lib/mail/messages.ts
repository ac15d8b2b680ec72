// The e-mails this server writes, as plain text, with their Message-ID and thread headers. Pure:
// callers load the rows and send (lib/mail/transport.ts).
import { randomUUID } from "node:crypto";
import type { OutgoingMail } from "./transport";
import { messageIdDomain } from "./config";

const id = (kind: string, key: string) => `<${kind}.${key}@${messageIdDomain()}>`;

/** The thread every answer to one ticket belongs to. */
export const ticketThreadId = (ticketId: string) => id("ticket", ticketId);

const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join("\n");

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export function ticketReplyMail(p: {
  tenantId: string;
  tenantName: string;
  ticket: { id: string; email: string; message: string; createdAt: Date };
  /** Message-IDs of earlier answers to this ticket, oldest first. */
  previous: string[];
  agentName: string;
  text: string;
}): OutgoingMail {
  const root = ticketThreadId(p.ticket.id);
  return {
    tenantId: p.tenantId,
    kind: "ticket_reply",
    fromName: p.tenantName,
    to: p.ticket.email,
    subject: `Re: Your message to ${p.tenantName}`,
    text: `${p.text}\n\n— ${p.agentName}, ${p.tenantName}\n\nOn ${when(p.ticket.createdAt)} you wrote:\n${quote(p.ticket.message)}\n`,
    messageId: id("reply", randomUUID()),
    inReplyTo: p.previous.at(-1) ?? root,
    references: [root, ...p.previous],
  };
}

export interface TranscriptLine {
  role: string;
  text: string;
  authorName: string | null;
  createdAt: Date;
}

export function transcriptMail(p: { tenantId: string; tenantName: string; conversationId: string; to: string; lines: TranscriptLine[] }): OutgoingMail {
  const who = (l: TranscriptLine) => (l.role === "customer" ? "You" : l.role === "bot" ? `${p.tenantName} (bot)` : l.role === "agent" ? (l.authorName ?? p.tenantName) : p.tenantName);
  const body = p.lines.map((l) => `[${when(l.createdAt)}] ${who(l)}:\n${l.text}`).join("\n\n");
  return {
    tenantId: p.tenantId,
    kind: "transcript",
    fromName: p.tenantName,
    to: p.to,
    subject: `Your conversation with ${p.tenantName}`,
    text: `Here is a copy of your conversation with ${p.tenantName}.\n\n${body}\n`,
    messageId: id("transcript", p.conversationId),
  };
}

export function ticketAlertMail(p: { tenantId: string; tenantName: string; to: string[]; ticket: { id: string; email: string; message: string }; consoleUrl: string }): OutgoingMail {
  return {
    tenantId: p.tenantId,
    kind: "ticket_alert",
    fromName: p.tenantName,
    to: p.to,
    subject: `New offline message from ${p.ticket.email}`,
    text: `A customer left a message while nobody was available.\n\nFrom: ${p.ticket.email}\n\n${p.ticket.message}\n\nAnswer it in the agent console: ${p.consoleUrl}\n`,
    messageId: id("ticket-alert", p.ticket.id),
  };
}

export function webhookDisabledMail(p: { tenantId: string; tenantName: string; to: string[]; url: string; reason: string; consoleUrl: string }): OutgoingMail {
  return {
    tenantId: p.tenantId,
    kind: "webhook_disabled",
    fromName: p.tenantName,
    to: p.to,
    subject: `Webhook disabled: ${p.url}`,
    text: `The webhook ${p.url} of ${p.tenantName} was switched off.\n\n${p.reason}\n\nFix the endpoint, then switch it back on and send failed deliveries again: ${p.consoleUrl}\n`,
    messageId: id("webhook-disabled", randomUUID()),
  };
}

// Offline tickets: when nobody can answer, the customer leaves an e-mail and a message; an agent
// answers it by e-mail from the console (when SMTP is configured) and closes the ticket once handled.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import { currentConversation } from "@/lib/chat/conversation-store";
import { spendMessageBudget, type VisitorRef } from "@/lib/chat/visitor";
import { queueChanged } from "@/lib/handoff/broadcast";
import type { Actor } from "@/lib/handoff/actions";
import { sendMail } from "@/lib/mail/transport";
import { ticketReplyMail } from "@/lib/mail/messages";

export async function createOfflineTicket(v: VisitorRef, input: { email: string; message: string }): Promise<{ ticketId: string }> {
  const db = await getDb();
  await spendMessageBudget(v);
  const conv = await currentConversation(db, v.tenantId, v.visitorId);
  const ticket = await db.$transaction(async (tx) => {
    const tk = await tx.offlineTicket.create({ data: { tenantId: v.tenantId, visitorId: v.visitorId, conversationId: conv?.id ?? null, email: input.email, message: input.message } });
    await tx.visitor.update({ where: { id: v.visitorId, tenantId: v.tenantId }, data: { email: input.email } });
    return tk;
  });
  publish("ticket.created", { tenantId: v.tenantId, ticketId: ticket.id, conversationId: ticket.conversationId });
  return { ticketId: ticket.id };
}

export async function closeTicket(actor: Actor, ticketId: string): Promise<void> {
  const db = await getDb();
  const res = await db.offlineTicket.updateMany({ where: { id: ticketId, tenantId: actor.tenantId, status: "open" }, data: { status: "closed", closedAt: new Date() } });
  if (res.count !== 1) throw new AppError("not_found", "Ticket not found or already closed.");
  publish("ticket.closed", { tenantId: actor.tenantId, ticketId });
  await queueChanged(actor.tenantId);
}

export interface TicketReplyView {
  id: string;
  ticketId: string;
  messageId: string;
  createdAt: string;
}

/**
 * Sends the agent's answer to the customer's e-mail address, threaded under the ticket (every
 * reply references the ones before), stores it, and closes the ticket unless asked not to. Nothing
 * is stored when the mail server refuses it, so the agent can simply try again.
 */
export async function replyToTicket(actor: Actor, input: { ticketId: string; text: string; close: boolean }): Promise<TicketReplyView> {
  const db = await getDb();
  const ticket = await db.offlineTicket.findFirst({
    where: { id: input.ticketId, tenantId: actor.tenantId },
    include: { replies: { where: { tenantId: actor.tenantId }, orderBy: { createdAt: "asc" }, select: { messageId: true } }, tenant: { select: { name: true } } },
  });
  if (!ticket) throw new AppError("not_found", "Ticket not found.");
  const mail = ticketReplyMail({
    tenantId: actor.tenantId,
    tenantName: ticket.tenant.name,
    ticket: { id: ticket.id, email: ticket.email, message: ticket.message, createdAt: ticket.createdAt },
    previous: ticket.replies.map((r) => r.messageId),
    agentName: actor.name,
    text: input.text,
  });
  await sendMail(mail);
  const reply = await db.ticketReply.create({ data: { tenantId: actor.tenantId, ticketId: ticket.id, authorId: actor.id, text: input.text, messageId: mail.messageId } });
  if (input.close && ticket.status === "open") {
    const res = await db.offlineTicket.updateMany({ where: { id: ticket.id, tenantId: actor.tenantId, status: "open" }, data: { status: "closed", closedAt: new Date() } });
    if (res.count === 1) publish("ticket.closed", { tenantId: actor.tenantId, ticketId: ticket.id });
  }
  await queueChanged(actor.tenantId);
  return { id: reply.id, ticketId: ticket.id, messageId: reply.messageId, createdAt: reply.createdAt.toISOString() };
}

// Offline tickets: when nobody can answer, the customer leaves an e-mail and a message; an agent
// closes the ticket once handled.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import { currentConversation } from "@/lib/chat/conversation-store";
import { spendMessageBudget, type VisitorRef } from "@/lib/chat/visitor";
import { queueChanged } from "@/lib/handoff/broadcast";
import type { Actor } from "@/lib/handoff/actions";

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

// What the customer says about the service: thumbs on a bot answer, the rating of a finished
// conversation, and that they are typing (agents see it live).
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import { currentConversation } from "@/lib/chat/conversation-store";
import type { VisitorRef } from "@/lib/chat/visitor";

/** 1 / -1 on one of the visitor's bot answers; 0 takes it back. */
export async function rateBotAnswer(v: VisitorRef, messageId: string, value: 1 | -1 | 0): Promise<void> {
  const db = await getDb();
  const res = await db.message.updateMany({
    where: { id: messageId, tenantId: v.tenantId, role: "bot", conversation: { visitorId: v.visitorId } },
    data: { feedback: value === 0 ? null : value },
  });
  if (res.count !== 1) throw new AppError("not_found", "That message cannot be rated.");
}

/** Rates the visitor's latest conversation once it is resolved (a second rating replaces the first). */
export async function rateConversation(v: VisitorRef, score: number, comment?: string): Promise<void> {
  const db = await getDb();
  const conv = await db.conversation.findFirst({ where: { tenantId: v.tenantId, visitorId: v.visitorId }, orderBy: { createdAt: "desc" } });
  if (!conv || !conv.resolvedAt) throw new AppError("conflict", "There is no finished conversation to rate.");
  const existing = await db.rating.findFirst({ where: { tenantId: v.tenantId, conversationId: conv.id } });
  if (existing) await db.rating.update({ where: { id: existing.id }, data: { score, comment: comment ?? null } });
  else await db.rating.create({ data: { tenantId: v.tenantId, conversationId: conv.id, score, comment: comment ?? null } });
  publish("rating.submitted", { tenantId: v.tenantId, conversationId: conv.id, score });
}

/** The customer is typing (told to the agent only while one handles the conversation). */
export async function customerTyping(v: VisitorRef, typing: boolean): Promise<void> {
  const db = await getDb();
  const conv = await currentConversation(db, v.tenantId, v.visitorId);
  if (conv && conv.status === "assigned") publish("customer.typing", { tenantId: v.tenantId, conversationId: conv.id, typing });
}

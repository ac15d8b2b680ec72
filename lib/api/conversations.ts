// Owns the conversation export of the public API: a paged list with date and status filters, and
// one conversation's messages. Internal notes (role "note") stay out unless asked for explicitly
// (and the key has the scope, checked by the route).
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";
import { createdBetween, pageRows, ZPageFields } from "@/lib/db/paging";

const ZDate = z.coerce.date({ error: "Use an ISO date such as 2025-01-31 or 2025-01-31T12:00:00Z" });

export const ZConversationPageQuery = z.object({
  status: z.enum(["open", "queued", "assigned", "resolved", "closed"]).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  ...ZPageFields,
});

export async function listConversationPage(db: TenantDb, q: z.infer<typeof ZConversationPageQuery>) {
  const where = { ...(q.status ? { status: q.status } : {}), ...createdBetween(q.from, q.to) };
  const [total, rows] = await Promise.all([
    db.conversation.count({ where }),
    db.conversation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageRows(q), include: { _count: { select: { messages: true } } } }),
  ]);
  return {
    page: q.page,
    pageSize: q.pageSize,
    total,
    conversations: rows.map((c) => ({
      id: c.id,
      visitorId: c.visitorId,
      status: c.status,
      owner: c.owner,
      language: c.language,
      messageCount: c._count.messages,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    })),
  };
}

export const ZMessagesQuery = z.object({ includeNotes: z.enum(["true", "false"]).default("false").transform((v) => v === "true") });

export async function conversationMessages(db: TenantDb, id: string, includeNotes: boolean) {
  const conv = await db.conversation.findFirst({ where: { id } });
  if (!conv) throw new AppError("not_found", "Conversation not found.");
  const messages = await db.message.findMany({
    where: { conversationId: id, ...(includeNotes ? {} : { role: { not: "note" } }) },
    orderBy: { seq: "asc" },
  });
  return {
    conversation: { id: conv.id, visitorId: conv.visitorId, status: conv.status, language: conv.language, createdAt: conv.createdAt.toISOString(), updatedAt: conv.updatedAt.toISOString() },
    messages: messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      role: m.role,
      text: m.text,
      authorId: m.authorId,
      faqEntryId: m.faqEntryId,
      confidence: m.confidence,
      feedback: m.feedback,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

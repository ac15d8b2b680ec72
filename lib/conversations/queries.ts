// Reading conversations for agents and admins. Always through the tenant guard: a conversation
// of another tenant is "not found", never "forbidden" (which would confirm that it exists).
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";

export const ZConversationListQuery = z.object({
  status: z.enum(["open", "queued", "assigned", "resolved", "closed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listConversations(db: TenantDb, q: z.infer<typeof ZConversationListQuery>) {
  return db.conversation.findMany({
    where: q.status ? { status: q.status } : {},
    orderBy: { updatedAt: "desc" },
    take: q.limit,
    select: { id: true, status: true, owner: true, language: true, createdAt: true, updatedAt: true, visitorId: true, assignedAgentId: true },
  });
}

export async function getConversation(db: TenantDb, id: string) {
  const conversation = await db.conversation.findFirst({
    where: { id },
    include: { messages: { orderBy: { seq: "asc" } }, handoffs: { orderBy: { queuedAt: "asc" } } },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return conversation;
}

// Owns erasing a visitor: their row and, by cascade, their conversations with all messages,
// attachments (their files removed from the attachment storage after the rows),
// decisions, hand-offs and ratings; their offline tickets are deleted explicitly (a ticket only
// loses its visitor link on cascade), and so are webhook deliveries (sent or waiting) whose body
// names the visitor or one of their conversations. One transaction; audit-logged with counts, no
// personal data.
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { TenantDb } from "@/lib/tenancy/guard";
import { deleteAttachmentFiles } from "@/lib/attachments/upload";

export interface ErasureCounts {
  conversations: number;
  messages: number;
  decisions: number;
  handoffs: number;
  ratings: number;
  offlineTickets: number;
  webhookDeliveries: number;
}

export async function deleteVisitor(db: TenantDb, visitorId: string, actor: { id: string }): Promise<ErasureCounts> {
  const visitor = await db.visitor.findFirst({ where: { id: visitorId }, select: { id: true } });
  if (!visitor) throw new AppError("not_found", "Visitor not found.");
  // Attachment files go once their rows are gone (cascade with the conversations).
  const files = (await db.attachment.findMany({ where: { conversation: { visitorId } }, select: { storageKey: true } })).map((a) => a.storageKey);
  const counts = await db.$transaction(async (tx) => {
    const conversationIds = (await tx.conversation.findMany({ where: { visitorId }, select: { id: true } })).map((c) => c.id);
    const inConv = { conversationId: { in: conversationIds } };
    const c: ErasureCounts = {
      conversations: conversationIds.length,
      messages: await tx.message.count({ where: inConv }),
      decisions: await tx.decision.count({ where: inConv }),
      handoffs: await tx.handoff.count({ where: inConv }),
      ratings: await tx.rating.count({ where: inConv }),
      offlineTickets: (await tx.offlineTicket.deleteMany({ where: { OR: [{ visitorId }, inConv] } })).count,
      webhookDeliveries: (await tx.webhookDelivery.deleteMany({ where: { OR: [visitorId, ...conversationIds].map((id) => ({ body: { contains: id } })) } })).count,
    };
    await tx.visitor.delete({ where: { id: visitorId } });
    return c;
  });
  await deleteAttachmentFiles(files);
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "privacy.visitor_delete", target: visitorId, details: { ...counts, attachments: files.length } }, db);
  return counts;
}

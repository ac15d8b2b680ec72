// An agent attaches a file from the console: only to a conversation they are handling (the same
// rule as a reply), checked against the workspace's limit, stored, and sent as their message.
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { ZClientMessageId, type WireMessage } from "@/lib/chat/protocol";
import type { Actor } from "@/lib/handoff/actions";
import { services } from "@/lib/app/services";
import { readUpload, storeAttachment } from "@/lib/attachments/upload";

export async function agentAttachment(db: TenantDb, actor: Actor, conversationId: string, req: Request): Promise<{ message: WireMessage }> {
  const upload = await readUpload(req);
  const clientMessageId = ZClientMessageId.safeParse(upload.form.get("clientMessageId"));
  if (!clientMessageId.success) throw new AppError("validation_failed", "The upload is missing its message id.");
  const conv = await db.conversation.findFirst({ where: { id: conversationId }, select: { id: true, status: true, assignedAgentId: true } });
  if (!conv) throw new AppError("not_found", "Conversation not found.");
  if (conv.status !== "assigned") throw new AppError("conflict", "This conversation is not being handled by an agent.");
  if (conv.assignedAgentId !== actor.id && actor.role === "agent") throw new AppError("forbidden", "Another agent is handling this conversation.");
  const tenant = await db.tenant.findFirst({ select: { settings: true } });
  const attachment = await storeAttachment(db, { conversationId: conv.id, uploadedBy: "agent", authorId: actor.id, upload, maxBytes: readTenantSettings(tenant?.settings).attachmentMaxBytes });
  // Through the server graph, where chat messages are written (group commit).
  return { message: await services().sendAgentMessage(actor, { conversationId: conv.id, clientMessageId: clientMessageId.data, text: attachment.name, attachment }) };
}

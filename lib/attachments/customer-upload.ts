// A customer attaches a file in the widget: the frame posts it with its widget key and visitor
// token (the same proof of who they are as its socket), it is checked against the workspace's
// limit and stored, and it arrives in the conversation as the customer's message.
import { AppError } from "@/lib/errors/app-error";
import { tenantForWidget } from "@/lib/tenancy/widget-key";
import { tenantDb } from "@/lib/tenancy/guard";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { readVisitorToken } from "@/lib/widget/visitor-token";
import { ZClientMessageId, type WireMessage } from "@/lib/chat/protocol";
import { getDb } from "@/lib/db";
import { ensureConversation } from "@/lib/chat/conversation-store";
import { assertPrechatDone } from "@/lib/chat/prechat";
import { services } from "@/lib/app/services";
import { readUpload, storeAttachment } from "@/lib/attachments/upload";

export async function customerAttachment(req: Request, ip: string): Promise<{ message: WireMessage; duplicate: boolean }> {
  const upload = await readUpload(req);
  const field = (k: string) => {
    const v = upload.form.get(k);
    return typeof v === "string" ? v : null;
  };
  const tenant = await tenantForWidget(field("key") ?? "");
  if (!tenant) throw new AppError("unauthenticated", "Unknown chat widget key.");
  const visitorId = await readVisitorToken(field("visitorToken"), tenant.id);
  if (!visitorId) throw new AppError("unauthenticated", "Your chat session has ended. Reload the page.");
  const clientMessageId = ZClientMessageId.safeParse(field("clientMessageId"));
  if (!clientMessageId.success) throw new AppError("validation_failed", "The upload is missing its message id.");
  const v = { tenantId: tenant.id, visitorId, ip, language: null };
  const db = await getDb();
  const conv = await ensureConversation(db, v.tenantId, v.visitorId, null, () => assertPrechatDone(db, v));
  const maxBytes = readTenantSettings(tenant.settings).attachmentMaxBytes;
  const attachment = await storeAttachment(await tenantDb(tenant.id), { conversationId: conv.id, uploadedBy: "customer", authorId: null, upload, maxBytes });
  // Through the server graph: storing a customer message may start the bot's turn (not for files).
  return services().receiveCustomerMessage(v, { clientMessageId: clientMessageId.data, text: attachment.name, attachment });
}

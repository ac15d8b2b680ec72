// A customer message arrives: checked, stored exactly once (a repeated client id returns the
// stored row), published as `message.created`, and the bot's turn is scheduled.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import type { WireMessage } from "@/lib/chat/protocol";
import { appendCustomerMessage, ensureConversation, findCustomerMessage, toWire, type AttachmentMeta } from "@/lib/chat/conversation-store";
import { scheduleReply } from "@/lib/chat/respond";
import { spendMessageBudget, type VisitorRef } from "@/lib/chat/visitor";
import { detectLanguage } from "@/lib/faq/language";
import { assertPrechatDone } from "@/lib/chat/prechat";

/** The visitor's conversation, started if needed (after the pre-chat form, when one is asked). */
export async function ensureConversationFor(v: VisitorRef, language: string | null = v.language) {
  const db = await getDb();
  return ensureConversation(db, v.tenantId, v.visitorId, language, () => assertPrechatDone(db, v));
}

/** A customer message; `attachment`: a stored file it carries (lib/attachments), answered by people, not the bot. */
export async function receiveCustomerMessage(v: VisitorRef, input: { clientMessageId: string; text: string; chosenKey?: string; attachment?: AttachmentMeta }): Promise<{ message: WireMessage; duplicate: boolean }> {
  const text = input.text.trim();
  const max = env().MAX_MESSAGE_CHARS;
  if (!text) throw new AppError("validation_failed", "Your message is empty.");
  if (text.length > max) throw new AppError("validation_failed", `Your message is too long (${text.length} characters). Please keep it under ${max}.`);
  const db = await getDb();
  // A first message waits for the pre-chat form when the workspace asks for one.
  const conv = await ensureConversationFor(v, detectLanguage(text) ?? v.language);
  const existing = await findCustomerMessage(db, conv.id, input.clientMessageId);
  if (existing) return { message: toWire(existing), duplicate: true };
  await spendMessageBudget(v);
  const { message, duplicate } = await appendCustomerMessage(
    db,
    { tenantId: v.tenantId, conversationId: conv.id, role: "customer", text, clientMessageId: input.clientMessageId, metadata: { ...(input.chosenKey ? { chosenKey: input.chosenKey } : {}), ...(input.attachment ? { attachment: input.attachment } : {}) } },
    { checked: true },
  );
  const wire = toWire(message);
  if (!duplicate) {
    publish("message.created", { tenantId: v.tenantId, conversationId: conv.id, visitorId: v.visitorId, message: wire, withPerson: conv.status === "queued" || conv.status === "assigned" });
    if (!input.attachment) void scheduleReply(conv.id, message.id);
  }
  return { message: wire, duplicate };
}

// A customer message arrives: checked, stored exactly once (a repeated client id returns the
// stored row), published as `message.created`, and the bot's turn is scheduled.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import type { WireMessage } from "@/lib/chat/protocol";
import { appendCustomerMessage, ensureConversation, findCustomerMessage, toWire } from "@/lib/chat/conversation-store";
import { scheduleReply } from "@/lib/chat/respond";
import { spendMessageBudget, type VisitorRef } from "@/lib/chat/visitor";
import { detectLanguage } from "@/lib/faq/language";
import { assertPrechatDone } from "@/lib/chat/prechat";

export async function receiveCustomerMessage(v: VisitorRef, input: { clientMessageId: string; text: string; chosenKey?: string }): Promise<{ message: WireMessage; duplicate: boolean }> {
  const text = input.text.trim();
  const max = env().MAX_MESSAGE_CHARS;
  if (!text) throw new AppError("validation_failed", "Your message is empty.");
  if (text.length > max) throw new AppError("validation_failed", `Your message is too long (${text.length} characters). Please keep it under ${max}.`);
  const db = await getDb();
  // A first message waits for the pre-chat form when the workspace asks for one.
  const conv = await ensureConversation(db, v.tenantId, v.visitorId, detectLanguage(text) ?? v.language, () => assertPrechatDone(db, v));
  const existing = await findCustomerMessage(db, conv.id, input.clientMessageId);
  if (existing) return { message: toWire(existing), duplicate: true };
  await spendMessageBudget(v);
  const { message, duplicate } = await appendCustomerMessage(
    db,
    { tenantId: v.tenantId, conversationId: conv.id, role: "customer", text, clientMessageId: input.clientMessageId, metadata: input.chosenKey ? { chosenKey: input.chosenKey } : {} },
    { checked: true },
  );
  const wire = toWire(message);
  if (!duplicate) {
    publish("message.created", { tenantId: v.tenantId, conversationId: conv.id, visitorId: v.visitorId, message: wire, withPerson: conv.status === "queued" || conv.status === "assigned" });
    void scheduleReply(conv.id, message.id);
  }
  return { message: wire, duplicate };
}

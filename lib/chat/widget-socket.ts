// The customer side of the chat: Socket.IO events of the /widget namespace (see protocol.ts).
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { onWidgetConnection } from "@/lib/realtime/attach";
import { handleEvent } from "@/lib/realtime/handle";
import { rooms } from "@/lib/realtime/types";
import { emitToConversationAgents, emitToTenantAgents } from "@/lib/realtime/emit";
import { consume } from "@/lib/security/rate-limit";
import { ZChooseSuggestion, ZFeedback, ZHandoffRequest, ZOfflineTicket, ZRating, ZSendMessage, ZSync, ZTyping } from "@/lib/chat/protocol";
import { appendCustomerMessage, currentConversation, ensureConversation, messagesAfter, toWire } from "@/lib/chat/conversation-store";
import { widgetConfig } from "@/lib/chat/widget-config";
import { replyInProgress, scheduleReply } from "@/lib/chat/respond";
import { handoffStatus } from "@/lib/handoff/queue";
import { escalate } from "@/lib/handoff/escalate";
import { detectLanguage } from "@/lib/faq/language";

const SLOW_DOWN = "You're sending messages very quickly. Please wait a moment before sending more.";

onWidgetConnection((socket) => {
  const { tenantId, visitorId } = socket.data;

  handleEvent(socket, "sync", ZSync, async ({ afterSeq }) => {
    const db = await getDb();
    const [conv, config] = await Promise.all([currentConversation(db, tenantId, visitorId), widgetConfig(db, tenantId)]);
    if (!conv) return { conversationId: null, messages: [], handoff: { state: "none" }, config };
    const [messages, handoff] = await Promise.all([messagesAfter(db, conv.id, afterSeq), handoffStatus(db, conv.id)]);
    // A question left without a reply (e.g. the server restarted mid-reply) is answered now, once.
    const last = await db.message.findFirst({ where: { conversationId: conv.id, role: { not: "note" } }, orderBy: { seq: "desc" } });
    if (last?.role === "customer" && conv.owner === "bot" && conv.status === "open" && !replyInProgress(conv.id)) void scheduleReply(conv.id, last.id);
    return { conversationId: conv.id, messages: messages.map(toWire), handoff, config };
  });

  const storeCustomerMessage = async (clientMessageId: string, rawText: string, chosenKey?: string) => {
    const text = rawText.trim();
    const max = env().MAX_MESSAGE_CHARS;
    if (!text) throw new AppError("validation_failed", "Your message is empty.");
    if (text.length > max) throw new AppError("validation_failed", `Your message is too long (${text.length} characters). Please keep it under ${max}.`);
    const db = await getDb();
    const conv = await ensureConversation(db, tenantId, visitorId, detectLanguage(text) ?? socket.data.language);
    const existing = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId: conv.id, clientMessageId } } });
    if (existing) return { message: toWire(existing), duplicate: true };
    await consume("messagesPerVisitor", visitorId, SLOW_DOWN);
    await consume("messagesPerIp", socket.data.ip, SLOW_DOWN);
    const { message, duplicate } = await appendCustomerMessage(
      db,
      { tenantId, conversationId: conv.id, role: "customer", text, clientMessageId, metadata: chosenKey ? { chosenKey } : {} },
      { checked: true },
    );
    const wire = toWire(message);
    if (!duplicate) {
      // Other tabs of the same visitor show it too (they dedupe by client id).
      socket.to(rooms.visitor(visitorId)).emit("message", wire);
      if (conv.status === "queued" || conv.status === "assigned") {
        emitToConversationAgents(conv.id, "conversation:message", { conversationId: conv.id, message: wire });
        emitToTenantAgents(tenantId, "queue:activity", { conversationId: conv.id });
      }
      void scheduleReply(conv.id, message.id);
    }
    return { message: wire, duplicate };
  };

  handleEvent(socket, "message:send", ZSendMessage, async ({ clientMessageId, text }) => storeCustomerMessage(clientMessageId, text));

  handleEvent(socket, "suggestion:choose", ZChooseSuggestion, async ({ clientMessageId, faqEntryKey, question }) =>
    storeCustomerMessage(clientMessageId, question, faqEntryKey),
  );

  handleEvent(socket, "message:feedback", ZFeedback, async ({ messageId, value }) => {
    const db = await getDb();
    const res = await db.message.updateMany({
      where: { id: messageId, tenantId, role: "bot", conversation: { visitorId } },
      data: { feedback: value === 0 ? null : value },
    });
    if (res.count !== 1) throw new AppError("not_found", "That message cannot be rated.");
  });

  handleEvent(socket, "handoff:request", ZHandoffRequest, async () => {
    await consume("messagesPerVisitor", visitorId, SLOW_DOWN);
    await consume("messagesPerIp", socket.data.ip, SLOW_DOWN);
    const db = await getDb();
    const conv = await ensureConversation(db, tenantId, visitorId, socket.data.language);
    // escalate() tells the agents (queue:changed) and the customer (handoff:status).
    const handoff = await escalate({ tenantId, conversationId: conv.id, visitorId, language: conv.language ?? socket.data.language ?? "en", reason: "customer_request", trigger: "pressed “talk to a person”" });
    return { handoff };
  });

  handleEvent(socket, "offline:ticket", ZOfflineTicket, async ({ email, message }) => {
    const db = await getDb();
    await consume("messagesPerVisitor", visitorId, SLOW_DOWN);
    await consume("messagesPerIp", socket.data.ip, SLOW_DOWN);
    const conv = await currentConversation(db, tenantId, visitorId);
    const ticket = await db.$transaction(async (tx) => {
      const tk = await tx.offlineTicket.create({ data: { tenantId, visitorId, conversationId: conv?.id ?? null, email, message } });
      await tx.visitor.update({ where: { id: visitorId }, data: { email } });
      return tk;
    });
    emitToTenantAgents(tenantId, "tickets:changed", { tenantId });
    return { ticketId: ticket.id };
  });

  handleEvent(socket, "rating:submit", ZRating, async ({ score, comment }) => {
    const db = await getDb();
    const conv = await db.conversation.findFirst({ where: { tenantId, visitorId }, orderBy: { createdAt: "desc" } });
    if (!conv || !conv.resolvedAt) throw new AppError("conflict", "There is no finished conversation to rate.");
    const existing = await db.rating.findFirst({ where: { conversationId: conv.id } });
    if (existing) await db.rating.update({ where: { id: existing.id }, data: { score, comment: comment ?? null } });
    else await db.rating.create({ data: { tenantId, conversationId: conv.id, score, comment: comment ?? null } });
    emitToTenantAgents(tenantId, "rating:received", { conversationId: conv.id, score });
  });

  handleEvent(socket, "typing", ZTyping, async ({ typing }) => {
    const db = await getDb();
    const conv = await currentConversation(db, tenantId, visitorId);
    if (conv && conv.status === "assigned") emitToConversationAgents(conv.id, "customer:typing", { conversationId: conv.id, typing });
  });
});

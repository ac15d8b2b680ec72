// What a (re)connecting widget needs: its conversation after the last seq it saw, the hand-off
// state and the widget's settings. A question left without a reply (the server restarted
// mid-reply) is answered now, once.
import { getDb } from "@/lib/db";
import type { HandoffStatus, WidgetConfig, WireMessage } from "@/lib/chat/protocol";
import { currentConversation, messagesAfter, toWire } from "@/lib/chat/conversation-store";
import { widgetConfig } from "@/lib/chat/widget-config";
import { replyInProgress, scheduleReply } from "@/lib/chat/respond";
import { handoffStatus } from "@/lib/handoff/queue";
import type { VisitorRef } from "@/lib/chat/visitor";
import { prechatAnswered } from "@/lib/chat/prechat";

export async function syncConversation(v: VisitorRef, afterSeq: number): Promise<{ conversationId: string | null; messages: WireMessage[]; handoff: HandoffStatus; config: WidgetConfig; prechatDone: boolean }> {
  const db = await getDb();
  const [conv, config] = await Promise.all([currentConversation(db, v.tenantId, v.visitorId), widgetConfig(db, v.tenantId)]);
  if (!conv) return { conversationId: null, messages: [], handoff: { state: "none" }, config, prechatDone: !config.prechat || (await prechatAnswered(db, v)) };
  const [messages, handoff] = await Promise.all([messagesAfter(db, conv.id, afterSeq), handoffStatus(db, conv.id)]);
  const last = await db.message.findFirst({ where: { conversationId: conv.id, role: { not: "note" } }, orderBy: { seq: "desc" } });
  if (last?.role === "customer" && conv.owner === "bot" && conv.status === "open" && !replyInProgress(conv.id)) void scheduleReply(conv.id, last.id);
  return { conversationId: conv.id, messages: messages.map(toWire), handoff, config, prechatDone: true };
}

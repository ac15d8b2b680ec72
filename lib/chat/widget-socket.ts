// The customer side of the chat: Socket.IO events of the /widget namespace (see protocol.ts).
// Each event: parse (handleEvent's zod schema) → one call into the domain → ack.
import { onWidgetConnection } from "@/lib/realtime/attach";
import { handleEvent } from "@/lib/realtime/handle";
import { rooms } from "@/lib/realtime/types";
import { ZChooseSuggestion, ZFeedback, ZHandoffRequest, ZIdentify, ZOfflineTicket, ZRating, ZSendMessage, ZSync, ZTyping } from "@/lib/chat/protocol";
import type { VisitorRef } from "@/lib/chat/visitor";
import { syncConversation } from "@/lib/chat/sync";
import { receiveCustomerMessage } from "@/lib/chat/customer-message";
import { customerTyping, rateBotAnswer, rateConversation } from "@/lib/chat/customer-feedback";
import { requestPerson } from "@/lib/handoff/request-person";
import { createOfflineTicket } from "@/lib/handoff/tickets";
import { workspaceEnabled } from "@/lib/workspaces/status";
import { identifyVisitor } from "@/lib/identity/identify-visitor";
import { submitPrechat, ZPrechatSubmit } from "@/lib/chat/prechat";
import { signVisitorToken } from "@/lib/widget/visitor-token";
import "@/lib/chat/reply-control";

onWidgetConnection((socket) => {
  const v: VisitorRef = { tenantId: socket.data.tenantId, visitorId: socket.data.visitorId, ip: socket.data.ip, language: socket.data.language };

  // A workspace the operator disabled while this chat was open: the chat goes away.
  socket.use((_packet, next) => {
    void workspaceEnabled(v.tenantId)
      .then((enabled) => {
        if (enabled) return next();
        next(new Error("This chat is not available."));
        socket.disconnect(true);
      })
      .catch(() => next());
  });

  const receive = async (input: { clientMessageId: string; text: string; chosenKey?: string }) => {
    const res = await receiveCustomerMessage(v, input);
    // The visitor's other tabs show it too (they dedupe by client id); this tab has the ack.
    if (!res.duplicate) socket.to(rooms.visitor(v.visitorId)).emit("message", res.message);
    return res;
  };

  handleEvent(socket, "sync", ZSync, ({ afterSeq }) => syncConversation(v, afterSeq));
  handleEvent(socket, "message:send", ZSendMessage, ({ clientMessageId, text }) => receive({ clientMessageId, text }));
  handleEvent(socket, "suggestion:choose", ZChooseSuggestion, ({ clientMessageId, faqEntryKey, question }) => receive({ clientMessageId, text: question, chosenKey: faqEntryKey }));
  handleEvent(socket, "message:feedback", ZFeedback, ({ messageId, value }) => rateBotAnswer(v, messageId, value));
  handleEvent(socket, "handoff:request", ZHandoffRequest, async () => ({ handoff: await requestPerson(v) }));
  handleEvent(socket, "offline:ticket", ZOfflineTicket, (input) => createOfflineTicket(v, input));
  handleEvent(socket, "rating:submit", ZRating, ({ score, comment }) => rateConversation(v, score, comment));
  // A verified identity that belongs to another visitor (the customer's other device): the widget
  // gets that visitor's token and reconnects as them; this socket stays the old visitor till then.
  handleEvent(socket, "identify", ZIdentify, async (claim) => {
    const res = await identifyVisitor(v, claim);
    if (!res.switched) return { identity: res.identity };
    return { identity: res.identity, visitorToken: await signVisitorToken(res.visitorId, v.tenantId) };
  });
  handleEvent(socket, "prechat:submit", ZPrechatSubmit, (answers) => submitPrechat(v, answers));
  handleEvent(socket, "typing", ZTyping, ({ typing }) => customerTyping(v, typing));
});

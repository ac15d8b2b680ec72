// The agent console's live side: Socket.IO events of the /agent namespace (see agent-protocol.ts).
import { onAgentConnection } from "@/lib/realtime/attach";
import { handleEvent } from "@/lib/realtime/handle";
import { rooms } from "@/lib/realtime/types";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { emitToVisitor } from "@/lib/realtime/emit";
import { ZAgentMessage, ZAgentNote, ZAgentTyping, ZConversationRef, ZPresence, ZTicketRef, ZTransfer } from "@/lib/handoff/agent-protocol";
import { addNote, claimConversation, releaseToBot, resolveConversation, sendAgentMessage, transferConversation, type Actor } from "@/lib/handoff/actions";
import { agentsView, conversationDetail, queueView } from "@/lib/handoff/views";
import { agentConnected, agentDisconnected, setPresence } from "@/lib/handoff/presence";
import { autoAssign } from "@/lib/handoff/auto-assign";
import { queueChanged } from "@/lib/handoff/broadcast";
import { z } from "zod";
import { cookieFromHeader, readSession } from "@/lib/auth/session";

const SESSION_RECHECK_MS = 5_000;

onAgentConnection((socket) => {
  const user = socket.data.user;
  const actor: Actor = { id: user.id, tenantId: user.tenantId, name: user.name, role: user.role };
  agentConnected(user.id, socket.id);

  // The session is re-checked (at most every few seconds) before any event runs: after a logout,
  // a deactivation or expiry, an open console loses its powers at once and is disconnected.
  let checkedAt = Date.now();
  const cookie = cookieFromHeader(socket.handshake.headers.cookie);
  socket.use((_packet, next) => {
    if (Date.now() - checkedAt < SESSION_RECHECK_MS) return next();
    void readSession(cookie)
      .then((current) => {
        if (!current || current.role !== user.role) {
          next(new Error("Your session has ended. Please sign in again."));
          socket.disconnect(true);
          return;
        }
        checkedAt = Date.now();
        next();
      })
      .catch(() => next(new Error("Could not verify your session.")));
  });
  socket.on("disconnect", () => void agentDisconnected(user, socket.id).catch((err) => socket.data.log.error({ err }, "disconnect handling failed")));

  handleEvent(socket, "presence:set", ZPresence, async ({ presence }) => {
    await setPresence(user.id, presence);
    await queueChanged(user.tenantId);
    if (presence === "online") void autoAssign(user.tenantId);
  });

  handleEvent(socket, "queue:list", z.object({}).passthrough(), async () => queueView(actor));
  handleEvent(socket, "agents:list", z.object({}).passthrough(), async () => ({ agents: await agentsView(user.tenantId) }));

  handleEvent(socket, "conversation:open", ZConversationRef, async ({ conversationId }) => {
    const conversation = await conversationDetail(actor, conversationId);
    await socket.join(rooms.conversationAgents(conversation.id));
    return { conversation };
  });
  socket.on("conversation:close", (p: unknown) => {
    const r = ZConversationRef.safeParse(p);
    if (r.success) void socket.leave(rooms.conversationAgents(r.data.conversationId));
  });

  handleEvent(socket, "handoff:claim", ZConversationRef, async ({ conversationId }) => {
    await claimConversation(actor, conversationId);
    await socket.join(rooms.conversationAgents(conversationId));
  });
  handleEvent(socket, "agent:message", ZAgentMessage, async (p) => ({ message: await sendAgentMessage(actor, p) }));
  handleEvent(socket, "agent:note", ZAgentNote, async (p) => ({ message: await addNote(actor, p) }));
  handleEvent(socket, "handoff:transfer", ZTransfer, async (p) => {
    await transferConversation(actor, p);
    void autoAssign(user.tenantId);
  });
  handleEvent(socket, "handoff:resolve", ZConversationRef, async ({ conversationId }) => {
    await resolveConversation(actor, conversationId);
    void autoAssign(user.tenantId);
  });
  handleEvent(socket, "handoff:release", ZConversationRef, async ({ conversationId }) => {
    await releaseToBot(actor, conversationId);
    void autoAssign(user.tenantId);
  });
  handleEvent(socket, "ticket:close", ZTicketRef, async ({ ticketId }) => {
    const db = await getDb();
    const res = await db.offlineTicket.updateMany({ where: { id: ticketId, tenantId: user.tenantId, status: "open" }, data: { status: "closed", closedAt: new Date() } });
    if (res.count !== 1) throw new AppError("not_found", "Ticket not found or already closed.");
    await queueChanged(user.tenantId);
  });

  socket.on("agent:typing", (p: unknown) => {
    const r = ZAgentTyping.safeParse(p);
    if (!r.success) return;
    // No ack to answer: a failure is logged, never left as an unhandled rejection.
    void (async () => {
      const db = await getDb();
      const conv = await db.conversation.findFirst({ where: { id: r.data.conversationId, tenantId: user.tenantId, assignedAgentId: user.id, status: "assigned" }, select: { visitorId: true } });
      if (conv) emitToVisitor(conv.visitorId, "agent:typing", { typing: r.data.typing, name: user.name });
    })().catch((err) => socket.data.log.error({ err }, "agent typing failed"));
  });
});

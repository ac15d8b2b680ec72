// The agent console's live side: Socket.IO events of the /agent namespace (see agent-protocol.ts).
// Each event: parse (handleEvent's zod schema) → one call into the domain → ack; joining and
// leaving a conversation's room is the only thing done here.
import { z } from "zod";
import type { Socket } from "socket.io";
import { onAgentConnection } from "@/lib/realtime/attach";
import { handleEvent } from "@/lib/realtime/handle";
import { rooms, type AgentSocketData } from "@/lib/realtime/types";
import { cookieFromHeader, readSession } from "@/lib/auth/session";
import { ZAgentMessage, ZAgentNote, ZAgentTyping, ZConversationRef, ZPresence, ZTicketRef, ZTicketReply, ZTransfer } from "@/lib/handoff/agent-protocol";
import { addNote, agentTyping, claimConversation, sendAgentMessage, type Actor } from "@/lib/handoff/actions";
import { changePresence, release, resolve, transfer } from "@/lib/handoff/agent-commands";
import { agentsView, conversationDetail, conversationRef, queueView } from "@/lib/handoff/views";
import { agentConnected, agentDisconnected } from "@/lib/handoff/presence";
import { closeTicket, replyToTicket } from "@/lib/handoff/tickets";

const SESSION_RECHECK_MS = 5_000;

onAgentConnection((socket) => {
  const user = socket.data.user;
  const actor: Actor = { id: user.id, tenantId: user.tenantId, name: user.name, role: user.role };
  agentConnected(user.id, socket.id);
  recheckSession(socket);
  socket.on("disconnect", () => void agentDisconnected(user, socket.id).catch((err) => socket.data.log.error({ err }, "disconnect handling failed")));

  const follow = (conversationId: string) => socket.join(rooms.conversationAgents(conversationId));
  const unfollow = (p: unknown) => {
    const r = ZConversationRef.safeParse(p);
    if (r.success) void socket.leave(rooms.conversationAgents(r.data.conversationId));
  };

  handleEvent(socket, "presence:set", ZPresence, ({ presence }) => changePresence(actor, presence));
  handleEvent(socket, "queue:list", z.object({}).passthrough(), () => queueView(actor));
  handleEvent(socket, "agents:list", z.object({}).passthrough(), async () => ({ agents: await agentsView(user.tenantId) }));
  handleEvent(socket, "conversation:open", ZConversationRef, async ({ conversationId }) => {
    const conversation = await conversationDetail(actor, conversationId);
    await follow(conversation.id);
    return { conversation };
  });
  // `watch` follows a conversation without loading it (API clients); `close`/`unwatch` stop.
  handleEvent(socket, "conversation:watch", ZConversationRef, async ({ conversationId }) => void (await follow(await conversationRef(actor, conversationId))));
  socket.on("conversation:close", unfollow);
  socket.on("conversation:unwatch", unfollow);

  handleEvent(socket, "handoff:claim", ZConversationRef, async ({ conversationId }) => {
    await claimConversation(actor, conversationId);
    await follow(conversationId);
  });
  handleEvent(socket, "agent:message", ZAgentMessage, async (p) => ({ message: await sendAgentMessage(actor, p) }));
  handleEvent(socket, "agent:note", ZAgentNote, async (p) => ({ message: await addNote(actor, p) }));
  handleEvent(socket, "handoff:transfer", ZTransfer, (p) => transfer(actor, p));
  handleEvent(socket, "handoff:resolve", ZConversationRef, ({ conversationId }) => resolve(actor, conversationId));
  handleEvent(socket, "handoff:release", ZConversationRef, ({ conversationId }) => release(actor, conversationId));
  handleEvent(socket, "ticket:close", ZTicketRef, ({ ticketId }) => closeTicket(actor, ticketId));
  handleEvent(socket, "ticket:reply", ZTicketReply, async (p) => ({ reply: await replyToTicket(actor, p) }));
  socket.on("agent:typing", (p: unknown) => {
    const r = ZAgentTyping.safeParse(p);
    // No ack to answer: a failure is logged, never left as an unhandled rejection.
    if (r.success) void agentTyping(actor, r.data).catch((err) => socket.data.log.error({ err }, "agent typing failed"));
  });
});

/**
 * The session is re-checked (at most every few seconds) before any event runs: after a logout,
 * a deactivation or expiry, an open console loses its powers at once and is disconnected.
 */
function recheckSession(socket: Socket & { data: AgentSocketData }): void {
  const user = socket.data.user;
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
}

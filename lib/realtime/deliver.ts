// The one listener that turns domain events (lib/events/catalogue.ts) into Socket.IO messages:
// which rooms hear about what. Events relayed from another instance are skipped — the Socket.IO
// Redis adapter already delivers room emits everywhere. Started once by attachRealtime.
import { subscribe } from "@/lib/events/bus";
import { rooms } from "@/lib/realtime/types";
import type { WireMessage } from "@/lib/chat/protocol";
import { agentNamespace, emitToAgent, emitToConversationAgents, emitToTenantAgents, emitToTenantWidgets, emitToVisitor } from "@/lib/realtime/emit";

const g = globalThis as unknown as { __faqbotRealtimeDelivery?: boolean };

export function startRealtimeDelivery(): void {
  if (g.__faqbotRealtimeDelivery) return;
  g.__faqbotRealtimeDelivery = true;

  subscribe("message.created", (e, { origin }) => {
    if (origin) return;
    const { message } = e;
    const toAgents = () => emitToConversationAgents(e.conversationId, "conversation:message", { conversationId: e.conversationId, message });
    if (message.role === "note") return toAgents(); // notes never reach the customer
    if (message.role === "customer") {
      // The customer's own tabs get it from the socket handler (all but the sending tab).
      if (!e.withPerson) return;
      toAgents();
      emitToTenantAgents(e.tenantId, "queue:activity", { conversationId: e.conversationId });
      return;
    }
    const wire = message as WireMessage;
    if (e.replyTo) emitToVisitor(e.visitorId, "bot:done", { replyTo: e.replyTo.id, replyToClientId: e.replyTo.clientMessageId, message: wire });
    else emitToVisitor(e.visitorId, "message", wire);
    toAgents();
  });
  subscribe("reply.started", (e, { origin }) => {
    if (!origin) emitToVisitor(e.visitorId, "bot:typing", { replyTo: e.replyTo, replyToClientId: e.replyToClientId });
  });
  subscribe("reply.delta", (e, { origin }) => {
    if (origin) return;
    emitToVisitor(e.visitorId, "bot:delta", { replyTo: e.replyTo, replyToClientId: e.replyToClientId, text: e.text, ...(e.replace ? { replace: true } : {}) });
  });
  subscribe("handoff.status", (e, { origin }) => {
    if (!origin) emitToVisitor(e.visitorId, "handoff:status", e.status);
  });
  subscribe("handoff.assigned", (e, { origin }) => {
    // Someone who claimed it knows; an agent given it by round-robin or a transfer is told.
    if (!origin && e.via !== "claim") emitToAgent(e.agentId, "handoff:assigned", { conversationId: e.conversationId });
  });
  subscribe("conversation.updated", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "conversation:updated", { conversationId: e.conversationId, status: e.status, owner: e.owner, assignedAgentId: e.assignedAgentId });
  });
  subscribe("conversation.resolved", (e, { origin }) => {
    if (!origin) emitToVisitor(e.visitorId, "rating:request", { conversationId: e.conversationId });
  });
  subscribe("queue.changed", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "queue:changed", { tenantId: e.tenantId });
  });
  subscribe("team.availability", (e, { origin }) => {
    if (!origin) emitToTenantWidgets(e.tenantId, "team:availability", { available: e.available });
  });
  subscribe("ticket.created", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "tickets:changed", { tenantId: e.tenantId });
  });
  subscribe("rating.submitted", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "rating:received", { conversationId: e.conversationId, score: e.score });
  });
  subscribe("customer.typing", (e, { origin }) => {
    if (!origin) emitToConversationAgents(e.conversationId, "customer:typing", { conversationId: e.conversationId, typing: e.typing });
  });
  subscribe("agent.typing", (e, { origin }) => {
    if (!origin) emitToVisitor(e.visitorId, "agent:typing", { typing: e.typing, name: e.name });
  });
  // Admins watch training and publishing live (they are in the tenant's agents room too).
  subscribe("training.progress", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "training:progress", e);
  });
  subscribe("model.published", (e, { origin }) => {
    if (!origin) emitToTenantAgents(e.tenantId, "model:published", { tenantId: e.tenantId, modelVersionId: e.modelVersionId });
  });
  subscribe("agent.signed_out", async (e, { origin }) => {
    if (origin) return;
    const sockets = (await agentNamespace()?.in(rooms.agent(e.userId)).fetchSockets()) ?? [];
    for (const s of sockets) if ((s.data as { user?: { sessionId?: string } }).user?.sessionId === e.sessionId) s.disconnect(true);
  });
  subscribe("agent.left", (e, { origin }) => {
    if (!origin) agentNamespace()?.in(rooms.agent(e.userId)).disconnectSockets(true);
  });
}

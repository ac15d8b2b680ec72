// The domain event catalogue: what happened, in the words of the business, with the ids a
// listener needs to deliver it. Domain code publishes these (lib/events/bus.ts) and returns;
// listeners decide who hears about it — lib/realtime/deliver.ts maps them to Socket.IO rooms,
// lib/tenant-models/active-model.ts evicts its cache on `model.published`, lib/webhooks/startup.ts
// writes webhook deliveries, lib/metrics/startup.ts counts, lib/mail/startup.ts sends e-mail. Adding a field is compatible; renaming one is not.
import type { HandoffStatus } from "@/lib/chat/protocol";
import type { AgentWireMessage } from "@/lib/handoff/agent-protocol";

export interface DomainEvents {
  /** A message was stored (customer, bot, agent, system notice, or an internal note). */
  "message.created": {
    tenantId: string;
    conversationId: string;
    visitorId: string;
    message: AgentWireMessage;
    /** For a bot reply: the customer message it answers (the widget swaps its streamed bubble). */
    replyTo?: { id: string; clientMessageId: string | null };
    /** The conversation is queued or with an agent, so agents follow the customer's messages. */
    withPerson?: boolean;
  };
  /** The bot started a reply to a customer message. */
  "reply.started": { tenantId: string; conversationId: string; visitorId: string; replyTo: string; replyToClientId: string | null };
  /** More text of a streamed reply (`replace`: the text so far is discarded for this one). */
  "reply.delta": { tenantId: string; conversationId: string; visitorId: string; replyTo: string; replyToClientId: string | null; text: string; replace?: boolean };
  /** A conversation entered the hand-off queue. */
  "handoff.queued": { tenantId: string; conversationId: string; visitorId: string; reason: string; priority: number };
  /** A customer's conversation began (the first message of a visitor, or of one after the last was closed). */
  "conversation.created": { tenantId: string; conversationId: string; visitorId: string; language: string | null };
  /** The customer's view of the hand-off changed (place in line, with an agent, offline…). */
  "handoff.status": { tenantId: string; conversationId: string; visitorId: string; status: HandoffStatus };
  /** An agent got the conversation: claimed it, was given it by round-robin, or by a transfer. */
  "handoff.assigned": { tenantId: string; conversationId: string; agentId: string; via: "claim" | "round_robin" | "transfer" };
  /** Status, owner or assignee of a conversation changed. */
  "conversation.updated": { tenantId: string; conversationId: string; status: string; owner: string; assignedAgentId: string | null };
  /** An agent resolved the conversation (the customer is asked for a rating). */
  "conversation.resolved": { tenantId: string; conversationId: string; visitorId: string; agentId: string | null };
  /** The tenant's queue changed (something queued, claimed, returned; an agent's presence). */
  "queue.changed": { tenantId: string };
  /** Whether someone from the team could take a chat now, after an agent's presence changed (widgets' headers). */
  "team.availability": { tenantId: string; available: boolean };
  "ticket.created": { tenantId: string; ticketId: string; conversationId: string | null };
  "ticket.closed": { tenantId: string; ticketId: string };
  "rating.submitted": { tenantId: string; conversationId: string; score: number };
  "customer.typing": { tenantId: string; conversationId: string; typing: boolean };
  "agent.typing": { tenantId: string; conversationId: string; visitorId: string; typing: boolean; name: string | null };
  /** A session ended (logout): consoles open on it stop. */
  "agent.signed_out": { tenantId: string; userId: string; sessionId: string };
  /** An agent left (grace period over, or deactivated): every console of theirs is closed. */
  "agent.left": { tenantId: string; userId: string };
  "model.published": { tenantId: string; modelVersionId: string | null };
  /** A new knowledge-document version (upload, API call, deletion, restore): passages to index. */
  "knowledge.changed": { tenantId: string; versionId: string };
  /** A webhook delivery attempt finished (lib/webhooks/worker.ts): delivered, or failed with the receiver's status or an error. */
  "webhook.attempted": { tenantId: string; webhookId: string; deliveryId: string; event: string; ok: boolean; status: number | null; durationMs: number; final: boolean };
  /** A webhook was switched off after failing again and again; admins are told. */
  "webhook.disabled": { tenantId: string; webhookId: string; url: string; reason: string };
  /** An e-mail was handed to the SMTP server (or refused by it). */
  "mail.sent": { tenantId: string; kind: string; ok: boolean };
  "training.progress": { tenantId: string; runId: string; status: string; phase: string | null; progress: number; error?: string | null; modelVersionId?: string | null };
}

export type EventName = keyof DomainEvents;

/**
 * Events relayed to the other instances through Redis (lib/scale/setup.ts), for listeners that
 * keep per-process state. Socket deliveries need no relay: the Socket.IO Redis adapter already
 * reaches rooms on every instance, so the realtime listener acts on local events only.
 */
export const CROSS_INSTANCE_EVENTS: readonly EventName[] = ["model.published"];

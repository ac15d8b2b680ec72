// The events a webhook can subscribe to, and how a domain event (lib/events/catalogue.ts) becomes
// one: its public name and the `data` of the delivery body. Names and fields are a public contract
// (receivers parse them): add fields freely, never rename one.
import { z } from "zod";
import type { DomainEvents, EventName } from "@/lib/events/catalogue";

export const WEBHOOK_EVENTS = {
  "conversation.created": "A customer started a conversation",
  "message.created": "A message was stored: customer, bot, agent or system notice (never internal notes)",
  "handoff.queued": "A conversation entered the queue for a person",
  "handoff.assigned": "An agent got a conversation (claim, round-robin or transfer)",
  "handoff.resolved": "An agent resolved a conversation",
  "ticket.created": "A customer left an offline ticket (e-mail and message)",
  "rating.created": "A customer rated a resolved conversation",
  "model.published": "A model version was published or rolled back",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const ALL_WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];
export const ZWebhookEvent = z.enum(ALL_WEBHOOK_EVENTS as [WebhookEvent, ...WebhookEvent[]], {
  message: `Unknown event. Choose from: ${Object.keys(WEBHOOK_EVENTS).join(", ")}.`,
});

/** Events as stored (Json column): unknown names are dropped. */
export function readEvents(raw: unknown): WebhookEvent[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((e): e is WebhookEvent => typeof e === "string" && e in WEBHOOK_EVENTS);
}

export interface WebhookEventData {
  event: WebhookEvent;
  data: Record<string, unknown>;
}

/**
 * The webhook event for a domain event, or null when it is not one webhooks carry. Pure: what the
 * payload needs beyond the domain event (a ticket's e-mail and message) is added by the caller.
 */
export function toWebhookEvent<K extends EventName>(name: K, payload: DomainEvents[K]): WebhookEventData | null {
  switch (name) {
    case "conversation.created": {
      const e = payload as DomainEvents["conversation.created"];
      return { event: "conversation.created", data: { conversationId: e.conversationId, visitorId: e.visitorId, language: e.language } };
    }
    case "message.created": {
      const e = payload as DomainEvents["message.created"];
      // Internal notes stay inside the workspace's consoles.
      if (e.message.role === "note") return null;
      const m = e.message;
      return {
        event: "message.created",
        data: {
          conversationId: e.conversationId,
          visitorId: e.visitorId,
          message: { id: m.id, seq: m.seq, role: m.role, text: m.text, createdAt: m.createdAt, source: m.source ?? null, confidence: m.confidence ?? null, language: m.language ?? null, authorName: m.authorName ?? null, kind: m.kind ?? null },
        },
      };
    }
    case "handoff.queued": {
      const e = payload as DomainEvents["handoff.queued"];
      return { event: "handoff.queued", data: { conversationId: e.conversationId, visitorId: e.visitorId, reason: e.reason, priority: e.priority } };
    }
    case "handoff.assigned": {
      const e = payload as DomainEvents["handoff.assigned"];
      return { event: "handoff.assigned", data: { conversationId: e.conversationId, agentId: e.agentId, via: e.via } };
    }
    case "conversation.resolved": {
      const e = payload as DomainEvents["conversation.resolved"];
      return { event: "handoff.resolved", data: { conversationId: e.conversationId, visitorId: e.visitorId, agentId: e.agentId } };
    }
    case "ticket.created": {
      const e = payload as DomainEvents["ticket.created"];
      return { event: "ticket.created", data: { ticketId: e.ticketId, conversationId: e.conversationId } };
    }
    case "rating.submitted": {
      const e = payload as DomainEvents["rating.submitted"];
      return { event: "rating.created", data: { conversationId: e.conversationId, score: e.score } };
    }
    case "model.published": {
      const e = payload as DomainEvents["model.published"];
      return { event: "model.published", data: { modelVersionId: e.modelVersionId } };
    }
    default:
      return null;
  }
}

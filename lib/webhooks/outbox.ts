// Writes the durable outbox: for a domain event that webhooks carry, one WebhookDelivery row per
// enabled webhook of the tenant that subscribed to it, holding the exact JSON body to send. It
// only inserts rows — the chat never waits for a receiver; lib/webhooks/worker.ts sends them.
import { randomUUID } from "node:crypto";
import type { DomainEvents, EventName } from "@/lib/events/catalogue";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { readEvents, toWebhookEvent, type WebhookEvent, type WebhookEventData } from "./events";

export interface WebhookBody {
  id: string;
  event: string;
  tenantId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

// Every message is an event, so which webhooks a tenant has is kept for a few seconds instead of
// being read for each one. Changes made in this process forget the entry at once; another
// instance sees them within SUBSCRIPTIONS_TTL_MS.
const SUBSCRIPTIONS_TTL_MS = 5_000;
type Subscriptions = { at: number; hooks: Array<{ id: string; events: WebhookEvent[] }> };
const g = globalThis as unknown as { __faqbotWebhookSubscriptions?: Map<string, Subscriptions> };
const subscriptions = (g.__faqbotWebhookSubscriptions ??= new Map());

/** Drop the cached webhooks of a tenant (after a change to them). */
export function forgetWebhookSubscriptions(tenantId: string): void {
  subscriptions.delete(tenantId);
}

async function enabledHooks(db: TenantDb): Promise<Subscriptions["hooks"]> {
  const cached = subscriptions.get(db.tenantId);
  if (cached && Date.now() - cached.at < SUBSCRIPTIONS_TTL_MS) return cached.hooks;
  const rows = await db.webhook.findMany({ where: { enabled: true }, select: { id: true, events: true } });
  const hooks = rows.map((h) => ({ id: h.id, events: readEvents(h.events) }));
  if (subscriptions.size > 10_000) subscriptions.clear();
  subscriptions.set(db.tenantId, { at: Date.now(), hooks });
  return hooks;
}

/** Returns how many deliveries were written. */
export async function enqueueWebhookEvent<K extends EventName>(name: K, payload: DomainEvents[K], occurredAt = new Date()): Promise<number> {
  const mapped = toWebhookEvent(name, payload);
  if (!mapped) return 0;
  const tenantId = (payload as { tenantId: string }).tenantId;
  const db = await tenantDb(tenantId);
  const hooks = (await enabledHooks(db)).filter((h) => h.events.includes(mapped.event));
  if (hooks.length === 0) return 0;
  const data = await enrich(db, mapped);
  const body: WebhookBody = { id: `evt_${randomUUID()}`, event: mapped.event, tenantId, occurredAt: occurredAt.toISOString(), data };
  const text = JSON.stringify(body);
  await db.webhookDelivery.createMany({ data: hooks.map((h) => ({ tenantId, webhookId: h.id, eventId: body.id, event: body.event, body: text })) });
  return hooks.length;
}

/** What a receiver needs that the domain event only names by id. */
async function enrich(db: TenantDb, e: WebhookEventData): Promise<Record<string, unknown>> {
  if (e.event === "ticket.created") {
    const t = await db.offlineTicket.findFirst({ where: { id: String(e.data.ticketId) }, select: { email: true, message: true, visitorId: true, createdAt: true } });
    if (t) return { ...e.data, email: t.email, message: t.message, visitorId: t.visitorId, createdAt: t.createdAt.toISOString() };
  }
  return e.data;
}

// Owns a tenant's webhooks as admins and integrations see them: register (the secret is returned
// once), list, read, change (URL, events, on/off — switching one back on clears its failures),
// delete, the delivery log, and "send again". Every change is audit-logged. Everything goes
// through the tenant guard.
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { ZPageFields, pageRows } from "@/lib/db/paging";
import type { TenantDb } from "@/lib/tenancy/guard";
import { readEvents, ZWebhookEvent, type WebhookEvent } from "./events";
import { generateWebhookSecret } from "./signature";
import { assertWebhookUrl } from "./url-policy";
import { forgetWebhookSubscriptions } from "./outbox";

/** At most this many webhooks per workspace (each event is written once per webhook). */
export const MAX_WEBHOOKS = 20;

const ZUrl = z.string().trim().min(1, "Enter the endpoint's URL").max(2000, "The URL is too long (2,000 characters at most)");
const ZEvents = z
  .array(ZWebhookEvent)
  .min(1, "Choose at least one event")
  .transform((e) => [...new Set(e)]);

export const ZCreateWebhook = z.object({
  url: ZUrl,
  events: ZEvents,
  description: z.string().trim().max(200, "The description is too long (200 characters at most)").optional(),
});

export const ZUpdateWebhook = z
  .object({
    url: ZUrl.optional(),
    events: ZEvents.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one of url, events, description, enabled" });

export const ZDeliveryQuery = z.object({
  ...ZPageFields,
  status: z.enum(["pending", "sending", "delivered", "failed"]).optional(),
});

export interface WebhookView {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  enabled: boolean;
  failureCount: number;
  disabledAt: string | null;
  disabledReason: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number | null;
  redeliveryOf: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** The JSON body exactly as sent. */
  body: string;
}

type WebhookRow = Awaited<ReturnType<TenantDb["webhook"]["findMany"]>>[number];
type DeliveryRow = Awaited<ReturnType<TenantDb["webhookDelivery"]["findMany"]>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function webhookView(r: WebhookRow): WebhookView {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: readEvents(r.events),
    enabled: r.enabled,
    failureCount: r.failureCount,
    disabledAt: iso(r.disabledAt),
    disabledReason: r.disabledReason,
    lastSuccessAt: iso(r.lastSuccessAt),
    lastFailureAt: iso(r.lastFailureAt),
    createdAt: r.createdAt.toISOString(),
  };
}

function deliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    webhookId: r.webhookId,
    eventId: r.eventId,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    responseStatus: r.responseStatus,
    responseBody: r.responseBody,
    error: r.error,
    durationMs: r.durationMs,
    redeliveryOf: r.redeliveryOf,
    createdAt: r.createdAt.toISOString(),
    lastAttemptAt: iso(r.lastAttemptAt),
    deliveredAt: iso(r.deliveredAt),
    body: r.body,
  };
}

export interface Actor {
  id: string;
  kind: "user" | "api_key";
}

async function checkedUrl(url: string): Promise<string> {
  return (await assertWebhookUrl(url, { allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE })).toString();
}

export async function createWebhook(db: TenantDb, input: z.infer<typeof ZCreateWebhook>, actor: Actor): Promise<{ webhook: WebhookView; secret: string }> {
  const url = await checkedUrl(input.url);
  if ((await db.webhook.count()) >= MAX_WEBHOOKS) throw new AppError("conflict", `A workspace can have at most ${MAX_WEBHOOKS} webhooks. Delete one first.`);
  const secret = generateWebhookSecret();
  const row = await db.webhook.create({
    data: { tenantId: db.tenantId, url, events: input.events, description: input.description || null, secret, createdById: actor.kind === "user" ? actor.id : null },
  });
  forgetWebhookSubscriptions(db.tenantId);
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, actorKind: actor.kind, action: "webhook.create", target: row.id, details: { url, events: input.events } }, db);
  return { webhook: webhookView(row), secret };
}

export async function listWebhooks(db: TenantDb): Promise<WebhookView[]> {
  return (await db.webhook.findMany({ orderBy: { createdAt: "desc" } })).map(webhookView);
}

async function findWebhook(db: TenantDb, id: string): Promise<WebhookRow> {
  const row = await db.webhook.findFirst({ where: { id } });
  if (!row) throw new AppError("not_found", "Webhook not found.");
  return row;
}

export async function getWebhook(db: TenantDb, id: string): Promise<WebhookView> {
  return webhookView(await findWebhook(db, id));
}

export async function updateWebhook(db: TenantDb, id: string, input: z.infer<typeof ZUpdateWebhook>, actor: Actor): Promise<WebhookView> {
  const before = await findWebhook(db, id);
  const data: Record<string, unknown> = {};
  if (input.url !== undefined) data.url = await checkedUrl(input.url);
  if (input.events !== undefined) data.events = input.events;
  if (input.description !== undefined) data.description = input.description || null;
  if (input.enabled === true && !before.enabled) Object.assign(data, { enabled: true, failureCount: 0, disabledAt: null, disabledReason: null });
  if (input.enabled === false && before.enabled) Object.assign(data, { enabled: false, disabledAt: new Date(), disabledReason: "Switched off by an admin." });
  const row = Object.keys(data).length > 0 ? await db.webhook.update({ where: { id }, data }) : before;
  forgetWebhookSubscriptions(db.tenantId);
  if (data.enabled === false) await cancelPending(db, id, "the webhook was switched off");
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, actorKind: actor.kind, action: "webhook.update", target: id, details: { ...input } }, db);
  return webhookView(row);
}

export async function deleteWebhook(db: TenantDb, id: string, actor: Actor): Promise<void> {
  const row = await findWebhook(db, id);
  await db.webhook.delete({ where: { id } });
  forgetWebhookSubscriptions(db.tenantId);
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, actorKind: actor.kind, action: "webhook.delete", target: id, details: { url: row.url } }, db);
}

/** Deliveries still waiting for an attempt are given up (the webhook is off). */
export async function cancelPending(db: Pick<TenantDb, "webhookDelivery">, webhookId: string, why: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { webhookId, status: "pending" }, data: { status: "failed", error: `Not sent: ${why}.` } });
}

export async function listDeliveries(db: TenantDb, webhookId: string, q: z.infer<typeof ZDeliveryQuery>): Promise<{ deliveries: DeliveryView[]; total: number; page: number; pageSize: number }> {
  await findWebhook(db, webhookId);
  const where = { webhookId, ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([db.webhookDelivery.findMany({ where, orderBy: { createdAt: "desc" }, ...pageRows(q) }), db.webhookDelivery.count({ where })]);
  return { deliveries: rows.map(deliveryView), total, page: q.page, pageSize: q.pageSize };
}

/** "Send again": a new delivery of the same body (same event id), sent at once by the worker. */
export async function redeliver(db: TenantDb, webhookId: string, deliveryId: string, actor: Actor): Promise<DeliveryView> {
  const hook = await findWebhook(db, webhookId);
  if (!hook.enabled) throw new AppError("conflict", "This webhook is switched off. Switch it on before sending deliveries again.");
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId } });
  if (!original) throw new AppError("not_found", "Delivery not found.");
  const row = await db.webhookDelivery.create({
    data: { tenantId: db.tenantId, webhookId, eventId: original.eventId, event: original.event, body: original.body, redeliveryOf: original.id },
  });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, actorKind: actor.kind, action: "webhook.redeliver", target: webhookId, details: { deliveryId: original.id, newDeliveryId: row.id } }, db);
  return deliveryView(row);
}

// Sends the webhook outbox (WebhookDelivery rows) in the background, on every instance: a poll
// every second (and a nudge when this process writes a row) claims due rows with a conditional
// update — exactly one instance wins each — and POSTs them (send.ts). A failure is retried with
// exponential back-off (WEBHOOK_RETRY_BASE_MS, doubling) up to WEBHOOK_MAX_ATTEMPTS; after
// WEBHOOK_DISABLE_AFTER failed attempts in a row the webhook is switched off, its waiting
// deliveries are given up and `webhook.disabled` tells the admins. A claim that outlives its
// instance expires and the row is taken again. Works the same with or without Redis: the
// database is the queue. Delivered and failed rows older than 30 days are deleted.
import { getDb, withWebhookSecret, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { publish } from "@/lib/events/bus";
import { recordAudit } from "@/lib/audit/record";
import { sendWebhook, type AttemptResult } from "./send";
import { forgetWebhookSubscriptions } from "./outbox";

const POLL_MS = 1_000;
const BATCH = 10;
const KEEP_LOG_DAYS = 30;
const log = logger.child({ module: "webhooks" });

/** Delay before attempt number `attempt + 1`, after `attempt` failed attempts. */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

const dueWhere = (now: Date) => ({
  OR: [
    { status: "pending", nextAttemptAt: { lte: now } },
    // A claim whose instance died (or hung past the deadline).
    { status: "sending", lockedUntil: { lt: now } },
  ],
});

interface WorkerState {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
  stopped: boolean;
  lastCleanup: number;
}

const g = globalThis as unknown as { __faqbotWebhookWorker?: WorkerState };

export function startWebhookWorker(): void {
  if (g.__faqbotWebhookWorker && !g.__faqbotWebhookWorker.stopped) return;
  const state: WorkerState = { timer: null, running: null, again: false, stopped: false, lastCleanup: 0 };
  g.__faqbotWebhookWorker = state;
  state.timer = setInterval(() => nudgeWebhookWorker(), POLL_MS);
  state.timer.unref();
  nudgeWebhookWorker();
}

export async function stopWebhookWorker(): Promise<void> {
  const state = g.__faqbotWebhookWorker;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  await state.running?.catch(() => undefined);
}

/** Look for due deliveries now (a row was just written in this process). */
export function nudgeWebhookWorker(): void {
  const state = g.__faqbotWebhookWorker;
  if (!state || state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        // A full batch means more may be due: go on at once instead of waiting for the next tick.
        if ((await runDue(await getDb())) === BATCH) state.again = true;
        if (Date.now() - state.lastCleanup > 3_600_000) {
          state.lastCleanup = Date.now();
          await cleanup(await getDb());
        }
      } catch (err) {
        log.error({ err }, "webhook worker pass failed");
      }
    } while (state.again && !state.stopped);
  })().finally(() => {
    state.running = null;
  });
}

/** One pass: claim up to BATCH due rows and attempt them side by side. Exported for tests. */
export async function runDue(db: Db): Promise<number> {
  const now = new Date();
  const due = await db.webhookDelivery.findMany({ where: dueWhere(now), orderBy: { nextAttemptAt: "asc" }, take: BATCH, select: { id: true } });
  const lockMs = env().WEBHOOK_TIMEOUT_MS + 30_000;
  const claimed: string[] = [];
  for (const { id } of due) {
    const r = await db.webhookDelivery.updateMany({ where: { id, ...dueWhere(now) }, data: { status: "sending", lockedUntil: new Date(now.getTime() + lockMs) } });
    if (r.count === 1) claimed.push(id);
  }
  await Promise.all(claimed.map((id) => attempt(db, id).catch((err) => log.error({ err, deliveryId: id }, "webhook attempt failed unexpectedly"))));
  return claimed.length;
}

async function attempt(db: Db, id: string): Promise<void> {
  const e = env();
  const delivery = await db.webhookDelivery.findUnique({ where: { id }, include: { webhook: { omit: withWebhookSecret } } });
  if (!delivery) return;
  const hook = delivery.webhook;
  if (!hook.enabled) {
    await db.webhookDelivery.updateMany({ where: { id }, data: { status: "failed", lockedUntil: null, error: "Not sent: the webhook is switched off." } });
    return;
  }
  const result = await sendWebhook({ url: hook.url, body: delivery.body, secret: hook.secret, deliveryId: delivery.id, event: delivery.event }, { timeoutMs: e.WEBHOOK_TIMEOUT_MS, allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE });
  const attempts = delivery.attempts + 1;
  const now = new Date();
  const final = result.ok || attempts >= e.WEBHOOK_MAX_ATTEMPTS;
  // updateMany: the webhook (and so this row) may have been deleted while it was being sent.
  await db.webhookDelivery.updateMany({
    where: { id },
    data: {
      attempts,
      lastAttemptAt: now,
      lockedUntil: null,
      responseStatus: result.status,
      responseBody: result.body,
      error: result.error,
      durationMs: result.durationMs,
      ...(result.ok
        ? { status: "delivered", deliveredAt: now }
        : final
          ? { status: "failed" }
          : { status: "pending", nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, e.WEBHOOK_RETRY_BASE_MS)) }),
    },
  });
  publish("webhook.attempted", { tenantId: delivery.tenantId, webhookId: hook.id, deliveryId: id, event: delivery.event, ok: result.ok, status: result.status, durationMs: result.durationMs, final });
  await recordOutcome(db, hook.id, delivery.tenantId, hook.url, result);
}

async function recordOutcome(db: Db, webhookId: string, tenantId: string, url: string, result: AttemptResult): Promise<void> {
  const now = new Date();
  if (result.ok) {
    await db.webhook.updateMany({ where: { id: webhookId, tenantId }, data: { failureCount: 0, lastSuccessAt: now } });
    return;
  }
  const hook = await db.webhook.update({ where: { id: webhookId, tenantId }, data: { failureCount: { increment: 1 }, lastFailureAt: now } }).catch(() => null);
  const limit = env().WEBHOOK_DISABLE_AFTER;
  if (!hook || hook.failureCount < limit) return;
  const reason = `Disabled after ${hook.failureCount} failed delivery attempts in a row (last: ${result.error ?? "no answer"}).`;
  // Conditional: with several instances failing at once, one of them switches it off and tells.
  const off = await db.webhook.updateMany({ where: { id: webhookId, tenantId, enabled: true }, data: { enabled: false, disabledAt: now, disabledReason: reason } });
  if (off.count !== 1) return;
  forgetWebhookSubscriptions(tenantId);
  await db.webhookDelivery.updateMany({ where: { webhookId, tenantId, status: "pending" }, data: { status: "failed", error: "Not sent: the webhook was disabled after repeated failures." } });
  await recordAudit({ tenantId, actorKind: "system", action: "webhook.disabled", target: webhookId, details: { url, reason } }, db);
  log.warn({ tenantId, webhookId, url }, "webhook disabled after repeated failures");
  publish("webhook.disabled", { tenantId, webhookId, url, reason });
}

async function cleanup(db: Db): Promise<void> {
  const before = new Date(Date.now() - KEEP_LOG_DAYS * 86_400_000);
  await db.webhookDelivery.deleteMany({ where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: before } } });
}

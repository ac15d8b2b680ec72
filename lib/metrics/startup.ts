// Counts what happens (domain events, lib/events) into the Prometheus metrics (registry.ts).
// Only events published in this process are counted (relayed ones are counted by their own
// instance), so summing a metric over instances counts each thing once. Latencies are measured
// between events: a customer message stored → the bot's reply started or stored (decision), and a
// reply started → stored (generation).
import { subscribe } from "@/lib/events/bus";
import { tenantDb } from "@/lib/tenancy/guard";
import { logger } from "@/lib/log/logger";
import { metrics } from "./registry";

/** Customer messages waiting for the bot's decision: id → when stored (bounded, per process). */
const waiting = new Map<string, number>();
/** Replies streaming: customer message id → when the reply started. */
const streaming = new Map<string, number>();
const MAX_PENDING = 10_000;
const FORGET_MS = 5 * 60_000;

function remember(map: Map<string, number>, id: string, at: number): void {
  if (map.size >= MAX_PENDING) {
    // Messages a person answers never get a bot reply: forget old ones (the map is in time order).
    for (const [k, t] of map) {
      if (at - t < FORGET_MS) break;
      map.delete(k);
    }
    if (map.size >= MAX_PENDING) map.delete(map.keys().next().value!);
  }
  map.set(id, at);
}

function observeSince(map: Map<string, number>, id: string, into: { observe(v: number): void }): void {
  const started = map.get(id);
  if (started === undefined) return;
  map.delete(id);
  into.observe((performance.now() - started) / 1000);
}

const local = (origin: string | null) => origin === null;

subscribe("message.created", (e, { origin }) => {
  if (!local(origin)) return;
  const m = metrics();
  const role = e.message.role;
  if (role === "customer") {
    m.messagesReceived.inc();
    remember(waiting, e.message.id, performance.now());
  } else if (role === "bot") {
    m.replies.inc();
    const msg = e.message;
    const outcome = msg.source ? "answered" : msg.suggestions && msg.suggestions.length > 0 ? "suggested" : msg.offerPerson ? "declined" : "smalltalk";
    m.botOutcomes.inc({ outcome });
    if (e.replyTo) {
      observeSince(waiting, e.replyTo.id, m.decisionLatency);
      observeSince(streaming, e.replyTo.id, m.generationLatency);
    }
  } else if (role === "agent") {
    m.agentMessages.inc();
  }
});

subscribe("reply.started", (e, { origin }) => {
  if (!local(origin)) return;
  observeSince(waiting, e.replyTo, metrics().decisionLatency);
  remember(streaming, e.replyTo, performance.now());
});

subscribe("conversation.created", (_e, { origin }) => {
  if (local(origin)) metrics().conversations.inc();
});

subscribe("handoff.queued", (e, { origin }) => {
  if (!local(origin)) return;
  metrics().handoffs.inc({ reason: e.reason });
  metrics().botOutcomes.inc({ outcome: "handed_off" });
});

subscribe("handoff.assigned", async (e, { origin }) => {
  if (!local(origin)) return;
  metrics().handoffsAssigned.inc({ via: e.via });
  if (e.via === "transfer") return;
  const db = await tenantDb(e.tenantId);
  const h = await db.handoff.findFirst({ where: { conversationId: e.conversationId, claimedAt: { not: null } }, orderBy: { claimedAt: "desc" }, select: { queuedAt: true, claimedAt: true } });
  if (h?.claimedAt) metrics().queueWait.observe(Math.max(0, h.claimedAt.getTime() - h.queuedAt.getTime()) / 1000);
});

subscribe("conversation.resolved", (_e, { origin }) => {
  if (local(origin)) metrics().handoffsResolved.inc();
});
subscribe("ticket.created", (_e, { origin }) => {
  if (local(origin)) metrics().tickets.inc();
});
subscribe("rating.submitted", (e, { origin }) => {
  if (local(origin)) metrics().ratings.inc({ score: String(Math.round(e.score)) });
});
subscribe("model.published", (_e, { origin }) => {
  if (local(origin)) metrics().modelPublishes.inc();
});

subscribe("training.progress", (e, { origin }) => {
  if (local(origin) && (e.status === "succeeded" || e.status === "failed")) metrics().trainingRuns.inc({ status: e.status });
});

subscribe("webhook.attempted", (e, { origin }) => {
  if (!local(origin)) return;
  const m = metrics();
  m.webhookAttempts.inc({ result: e.ok ? "success" : "failure" });
  m.webhookLatency.observe(e.durationMs / 1000);
  if (!e.ok && e.final) m.webhookFailed.inc();
});

subscribe("mail.sent", (e, { origin }) => {
  if (local(origin)) metrics().emails.inc({ kind: e.kind, result: e.ok ? "sent" : "failed" });
});

subscribe("webhook.disabled", (_e, { origin }) => {
  if (local(origin)) metrics().webhooksDisabled.inc();
});

// Creating the registry at start-up registers the default process metrics from the first second.
try {
  metrics();
} catch (err) {
  logger.error({ err }, "metrics registry failed to start");
}

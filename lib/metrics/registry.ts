// The Prometheus metrics of this process (prom-client): one registry on globalThis, the default
// Node process metrics (memory, CPU, GC, event-loop delay) and the application's own, all named
// faqbot_*. Labels are small fixed sets (outcome, reason, status…): never visitor, conversation or
// tenant ids, so the number of series stays bounded however many customers write.
import client from "prom-client";
import { getDb } from "@/lib/db";

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const WAIT_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

function build() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "faqbot_" });
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) => new client.Counter<L>({ name, help, labelNames, registers: [registry] });
  const histogram = (name: string, help: string, buckets: number[], labelNames: string[] = []) => new client.Histogram({ name, help, buckets, labelNames, registers: [registry] });
  return {
    registry,
    messagesReceived: counter("faqbot_messages_received_total", "Customer messages stored"),
    replies: counter("faqbot_replies_total", "Bot replies stored"),
    agentMessages: counter("faqbot_agent_messages_total", "Messages agents sent to customers"),
    botOutcomes: counter("faqbot_bot_outcomes_total", "What the bot did with a customer message: answered, suggested (did you mean), declined (off-topic or not known, a person offered), smalltalk, handed_off", ["outcome"]),
    conversations: counter("faqbot_conversations_total", "Conversations started"),
    handoffs: counter("faqbot_handoffs_total", "Conversations queued for a person, by trigger", ["reason"]),
    handoffsAssigned: counter("faqbot_handoffs_assigned_total", "Conversations given to an agent", ["via"]),
    handoffsResolved: counter("faqbot_handoffs_resolved_total", "Conversations resolved by an agent"),
    queueWait: histogram("faqbot_queue_wait_seconds", "Time a conversation waited in the queue before an agent got it", WAIT_BUCKETS),
    queueLength: new client.Gauge({
      name: "faqbot_queue_length",
      help: "Conversations waiting in the queue for a person (all workspaces)",
      registers: [registry],
      async collect() {
        // A database hiccup leaves the last value rather than failing the whole scrape.
        const n = await getDb()
          .then((db) => db.handoff.count({ where: { status: "queued" } }))
          .catch(() => null);
        if (n !== null) this.set(n);
      },
    }),
    tickets: counter("faqbot_offline_tickets_total", "Offline tickets left by customers"),
    ratings: counter("faqbot_ratings_total", "Ratings customers gave, by score", ["score"]),
    decisionLatency: histogram("faqbot_decision_duration_seconds", "From a customer message stored to the bot's decision (its reply starts or is stored)", LATENCY_BUCKETS),
    generationLatency: histogram("faqbot_generation_duration_seconds", "From a streamed reply's start to the complete reply stored (chat model generation, or the FAQ text)", LATENCY_BUCKETS),
    trainingRuns: counter("faqbot_training_runs_total", "Training runs finished, by result", ["status"]),
    modelPublishes: counter("faqbot_model_publishes_total", "Model versions published or rolled back"),
    webhookAttempts: counter("faqbot_webhook_attempts_total", "Webhook delivery attempts, by result", ["result"]),
    webhookFailed: counter("faqbot_webhook_deliveries_failed_total", "Webhook deliveries given up after their last attempt"),
    webhookLatency: histogram("faqbot_webhook_attempt_duration_seconds", "Time a webhook receiver took to answer", LATENCY_BUCKETS),
    webhooksDisabled: counter("faqbot_webhooks_disabled_total", "Webhooks switched off after repeated failures"),
    emails: counter("faqbot_emails_total", "E-mails handed to the SMTP server, by kind and result", ["kind", "result"]),
  };
}

export type Metrics = ReturnType<typeof build>;

const g = globalThis as unknown as { __faqbotMetrics?: Metrics };

export function metrics(): Metrics {
  g.__faqbotMetrics ??= build();
  return g.__faqbotMetrics;
}

/** The exposition text for GET /metrics. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

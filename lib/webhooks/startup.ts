// Webhooks in the server process: every domain event published here (not ones relayed from other
// instances, which their own instance writes) goes to the outbox (outbox.ts), and the delivery
// worker (worker.ts) runs from start-up to shutdown on every instance.
import { onStart, onStop } from "@/lib/app/lifecycle";
import { subscribeAll } from "@/lib/events/bus";
import { logger } from "@/lib/log/logger";
import { toWebhookEvent } from "./events";
import { enqueueWebhookEvent } from "./outbox";
import { nudgeWebhookWorker, startWebhookWorker, stopWebhookWorker } from "./worker";

subscribeAll((name, payload, { origin }) => {
  if (origin !== null || !toWebhookEvent(name, payload)) return;
  const occurredAt = new Date();
  void enqueueWebhookEvent(name, payload, occurredAt)
    .then((n) => n > 0 && nudgeWebhookWorker())
    .catch((err) => logger.error({ err, event: name }, "writing webhook deliveries failed"));
});

onStart(async () => startWebhookWorker());
onStop(() => stopWebhookWorker());

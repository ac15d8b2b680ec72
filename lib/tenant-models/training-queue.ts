// The shared training queue for several instances (REDIS_URL): BullMQ on Redis. Every instance
// runs a worker with concurrency 1; a run whose worker dies is detected as stalled and retried on
// another instance. Without Redis, runs go straight to lib/tenant-models/training-jobs.ts.
import { Queue, Worker } from "bullmq";
import { logger } from "@/lib/log/logger";
import { onStop } from "@/lib/app/lifecycle";
import { redisConnection, redisEnabled } from "@/lib/scale/redis";

const QUEUE = "faqbot-training";

const g = globalThis as unknown as { __faqbotTrainingQueue?: Queue };

function queue(): Queue {
  g.__faqbotTrainingQueue ??= new Queue(QUEUE, { connection: redisConnection("training-queue", { forBullmq: true }) });
  return g.__faqbotTrainingQueue;
}

export async function enqueueTrainingJob(runId: string): Promise<void> {
  await queue().add("train", { runId }, { jobId: runId, attempts: 3, backoff: { type: "fixed", delay: 2_000 }, removeOnComplete: 500, removeOnFail: 500 });
}

/** This instance's worker (started by lib/tenant-models/startup.ts, which hands it the job runner). */
export function startTrainingWorker(jobs: { run: (runId: string) => Promise<void>; fail: (runId: string, error: string) => Promise<void> }): void {
  if (!redisEnabled()) return;
  const worker = new Worker(QUEUE, async (job) => jobs.run((job.data as { runId: string }).runId), {
    connection: redisConnection("training-worker", { forBullmq: true }),
    concurrency: 1,
    // A crashed instance's run is picked up again after the lock expires.
    lockDuration: 15_000,
    stalledInterval: 10_000,
    maxStalledCount: 2,
  });
  worker.on("failed", (job, err) => {
    logger.warn({ runId: job?.data?.runId, err: err.message }, "training job failed");
    // Out of attempts: the run must not stay "running" and block the tenant's next one.
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void jobs.fail(job.data.runId, "Training failed on every attempt. The published model is unchanged.");
  });
  onStop(async () => {
    await worker.close();
    await g.__faqbotTrainingQueue?.close();
  });
}

// Start-up work of the model domains: load the configured chat/embedding models in the
// background (never fatal), mark training runs orphaned by a restart as failed, and give the
// demo tenant a trained, published model so the bot answers on first start.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { onStart } from "@/lib/app/lifecycle";
import { getModelRuntime } from "@/lib/models";
import { markRunFailed, runTrainingJob, startTraining, waitForRun } from "@/lib/tenant-models/training-jobs";
import { redisEnabled } from "@/lib/scale/redis";
import { startTrainingWorker } from "@/lib/tenant-models/training-queue";
import { publishModelVersion } from "@/lib/tenant-models/publish";

onStart(async () => {
  startTrainingWorker({ run: runTrainingJob, fail: markRunFailed });
  void getModelRuntime()
    .ensureLoaded()
    .then((h) => logger.info({ models: h.models.map((m) => ({ role: m.role, id: m.id, state: m.state, error: m.error })) }, "models"))
    .catch((err) => logger.error({ err }, "model loading failed"));

  const db = await getDb();
  // One instance: a run still marked running was cut by a restart. Several instances (Redis):
  // the queue retries it, so it is left alone.
  if (!redisEnabled()) await db.trainingRun.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "failed", error: "The server restarted during training. Start it again.", finishedAt: new Date() },
  });

  const demo = await db.tenant.findUnique({ where: { widgetKey: env().DEMO_TENANT_KEY } });
  if (demo && !demo.activeModelId && (await db.modelVersion.count({ where: { tenantId: demo.id } })) === 0) {
    const run = await startTraining({ tenantId: demo.id }).catch((err: unknown) => {
      // Another instance started it at the same moment: it will publish.
      if (err instanceof AppError && err.code === "conflict") return null;
      throw err;
    });
    if (!run) return;
    await waitForRun(run.id);
    const done = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    if (done.modelVersionId) {
      await publishModelVersion({ tenantId: demo.id, modelVersionId: done.modelVersionId, actorKind: "system" });
      logger.info("demo tenant model trained and published");
    } else {
      logger.warn({ error: done.error }, "demo tenant model could not be trained");
    }
  }
});

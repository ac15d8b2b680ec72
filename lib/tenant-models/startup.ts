// Start-up work of the model domains: load the configured chat/embedding models in the
// background (never fatal), mark training runs orphaned by a restart as failed, and give the
// demo tenant a trained, published model so the bot answers on first start.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { onStart } from "@/lib/app/lifecycle";
import { getModelRuntime } from "@/lib/models";
import { startTraining, waitForTraining } from "@/lib/tenant-models/training-jobs";
import { publishModelVersion } from "@/lib/tenant-models/publish";
import { onModelEvent } from "@/lib/tenant-models/events";
import { emitToTenantAgents } from "@/lib/realtime/emit";

// Admins watch training live in the console (they are in the tenant's agents room too).
onModelEvent("training:progress", (p) => emitToTenantAgents(p.tenantId, "training:progress", p));
onModelEvent("published", (p) => emitToTenantAgents(p.tenantId, "model:published", p));

onStart(async () => {
  void getModelRuntime()
    .ensureLoaded()
    .then((h) => logger.info({ models: h.models.map((m) => ({ role: m.role, id: m.id, state: m.state, error: m.error })) }, "models"))
    .catch((err) => logger.error({ err }, "model loading failed"));

  const db = await getDb();
  await db.trainingRun.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "failed", error: "The server restarted during training. Start it again.", finishedAt: new Date() },
  });

  const demo = await db.tenant.findUnique({ where: { widgetKey: env().DEMO_TENANT_KEY } });
  if (demo && !demo.activeModelId && (await db.modelVersion.count({ where: { tenantId: demo.id } })) === 0) {
    const run = await startTraining({ tenantId: demo.id });
    await waitForTraining(demo.id);
    const done = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    if (done.modelVersionId) {
      await publishModelVersion({ tenantId: demo.id, modelVersionId: done.modelVersionId, actorKind: "system" });
      logger.info("demo tenant model trained and published");
    } else {
      logger.warn({ error: done.error }, "demo tenant model could not be trained");
    }
  }
});

// Training runs: GET the latest (the page polls it while a run is going), POST to start one from
// the latest FAQ version (or a given one), DELETE to cancel the running one.
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { services } from "@/lib/app/services";
import { recordAudit } from "@/lib/audit/record";
import { latestTrainingRun, toRunView } from "@/lib/tenant-models/versions";

const ZStartTraining = z.object({ faqVersionId: z.string().min(1).max(64).optional() });

export const GET = handler({ role: "admin" }, async ({ db }) => ({ run: await latestTrainingRun(db!) }));

export const POST = handler({ role: "admin", body: ZStartTraining }, async ({ user, body }) => {
  const run = await services().startTraining({ tenantId: user!.tenantId, faqVersionId: body.faqVersionId, startedById: user!.id });
  await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "training.start", target: run.id, details: { faqVersionId: run.faqVersionId } });
  return { run: toRunView(run) };
});

export const DELETE = handler({ role: "admin" }, async ({ user }) => {
  const cancelled = services().cancelTraining(user!.tenantId);
  if (cancelled) await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "training.cancel" });
  return { cancelled };
});

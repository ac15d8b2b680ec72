// Starts training a model from an FAQ version (the latest when none is named). Returns at once
// with the run; poll GET /api/v1/training/{runId} for progress.
import { z } from "zod";
import { apiHandler } from "@/lib/http/api-handler";
import { services } from "@/lib/app/services";
import { recordAudit } from "@/lib/audit/record";
import { trainingRunStatus } from "@/lib/tenant-models/versions";

const ZStart = z.object({ faqVersionId: z.string().min(1).max(64).optional() });

export const POST = apiHandler({ scope: "models:write", body: ZStart }, async ({ db, key, body }) => {
  const run = await services().startTraining({ tenantId: key.tenantId, faqVersionId: body.faqVersionId, startedById: null });
  await recordAudit({ tenantId: key.tenantId, actorId: key.keyId, actorKind: "api_key", action: "training.start", target: run.id, details: { faqVersionId: run.faqVersionId } });
  return Response.json({ run: await trainingRunStatus(db, run.id) }, { status: 202 });
});

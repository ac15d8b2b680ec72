// Publishes the previously published version again (or the one named in the body).
import { z } from "zod";
import { apiHandler } from "@/lib/http/api-handler";
import { services } from "@/lib/app/services";
import { rollbackTarget } from "@/lib/tenant-models/versions";

const ZRollback = z.object({ modelVersionId: z.string().min(1).max(64).optional() });

export const POST = apiHandler({ scope: "models:write", body: ZRollback }, async ({ db, key, body }) => {
  const id = await rollbackTarget(db, body.modelVersionId);
  const published = await services().publishModelVersion({ tenantId: key.tenantId, modelVersionId: id, actorId: key.keyId, actorKind: "api_key" });
  return { model: { id: published.id, number: published.number, status: published.status, publishedAt: published.publishedAt?.toISOString() ?? null } };
});

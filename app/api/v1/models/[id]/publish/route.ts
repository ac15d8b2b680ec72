// Publishes a trained model version: customers get it on their next message.
import { apiHandler } from "@/lib/http/api-handler";
import { services } from "@/lib/app/services";
import { requireModelVersion } from "@/lib/tenant-models/versions";

export const POST = apiHandler({ scope: "models:write" }, async ({ db, key, params }) => {
  const id = await requireModelVersion(db, params.id!);
  const published = await services().publishModelVersion({ tenantId: key.tenantId, modelVersionId: id, actorId: key.keyId, actorKind: "api_key" });
  return { model: { id: published.id, number: published.number, status: published.status, publishedAt: published.publishedAt?.toISOString() ?? null } };
});

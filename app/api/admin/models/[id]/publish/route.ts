// Publishes a trained model version; publishing an older one is the rollback. Audited by the
// publish service itself (model.publish / model.rollback).
import { handler } from "@/lib/http/handler";
import { services } from "@/lib/app/services";

export const POST = handler({ role: "admin" }, async ({ user, params }) => {
  const version = await services().publishModelVersion({ tenantId: user!.tenantId, modelVersionId: params.id!, actorId: user!.id, actorKind: "user" });
  return { published: { id: version.id, number: version.number } };
});

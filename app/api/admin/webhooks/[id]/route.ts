import { handler } from "@/lib/http/handler";
import { deleteWebhook, updateWebhook, ZUpdateWebhook } from "@/lib/webhooks/manage";

export const PATCH = handler({ role: "admin", body: ZUpdateWebhook }, async ({ db, user, params, body }) => ({ webhook: await updateWebhook(db!, params.id!, body, { id: user!.id, kind: "user" }) }));

export const DELETE = handler({ role: "admin" }, async ({ db, user, params }) => {
  await deleteWebhook(db!, params.id!, { id: user!.id, kind: "user" });
  return { ok: true };
});

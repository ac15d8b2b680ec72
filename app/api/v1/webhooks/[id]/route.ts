// GET one webhook; PATCH its url, events, description or enabled; DELETE it with its delivery log.
import { apiHandler } from "@/lib/http/api-handler";
import { deleteWebhook, getWebhook, updateWebhook, ZUpdateWebhook } from "@/lib/webhooks/manage";

export const GET = apiHandler({ scope: "webhooks:read" }, async ({ db, params }) => ({ webhook: await getWebhook(db, params.id!) }));

export const PATCH = apiHandler({ scope: "webhooks:write", body: ZUpdateWebhook }, async ({ db, params, body, actor }) => ({ webhook: await updateWebhook(db, params.id!, body, actor) }));

export const DELETE = apiHandler({ scope: "webhooks:write" }, async ({ db, params, actor }) => {
  await deleteWebhook(db, params.id!, actor);
  return { ok: true };
});

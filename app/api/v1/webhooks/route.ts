// GET the workspace's webhooks; POST one { url, events, description? } — the response holds its secret, once.
import { apiHandler } from "@/lib/http/api-handler";
import { createWebhook, listWebhooks, ZCreateWebhook } from "@/lib/webhooks/manage";

export const GET = apiHandler({ scope: "webhooks:read" }, async ({ db }) => ({ webhooks: await listWebhooks(db) }));

export const POST = apiHandler({ scope: "webhooks:write", body: ZCreateWebhook }, async ({ db, body, actor }) => Response.json(await createWebhook(db, body, actor), { status: 201 }));

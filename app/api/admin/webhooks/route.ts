import { handler } from "@/lib/http/handler";
import { createWebhook, listWebhooks, ZCreateWebhook } from "@/lib/webhooks/manage";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ webhooks: await listWebhooks(db!) }));

// The secret is in this response only; the console shows it once.
export const POST = handler({ role: "admin", body: ZCreateWebhook }, async ({ db, user, body }) => Response.json(await createWebhook(db!, body, { id: user!.id, kind: "user" }), { status: 201 }));

import { handler } from "@/lib/http/handler";
import { createApiKey, listApiKeys, ZCreateApiKey } from "@/lib/api-keys/manage";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ apiKeys: await listApiKeys(db!) }));

// The full key is in this response only; it is never stored or shown again.
export const POST = handler({ role: "admin", body: ZCreateApiKey }, async ({ db, user, body }) => Response.json(await createApiKey(db!, body, user!.id), { status: 201 }));

import { handler } from "@/lib/http/handler";
import { revokeApiKey } from "@/lib/api-keys/manage";

/** Revokes the key (kept in the list as revoked, so the audit log can still name it). */
export const DELETE = handler({ role: "admin" }, async ({ db, user, params }) => ({ apiKey: await revokeApiKey(db!, params.id!, user!.id) }));

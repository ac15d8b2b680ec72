import { handler } from "@/lib/http/handler";
import { redeliver } from "@/lib/webhooks/manage";

/** "Send again": a new delivery of the same body. */
export const POST = handler({ role: "admin" }, async ({ db, user, params }) => Response.json({ delivery: await redeliver(db!, params.id!, params.deliveryId!, { id: user!.id, kind: "user" }) }, { status: 201 }));

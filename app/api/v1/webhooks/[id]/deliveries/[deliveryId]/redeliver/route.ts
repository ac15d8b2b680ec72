// POST: send a delivery again (a new delivery with the same body), picked up by the worker at once.
import { apiHandler } from "@/lib/http/api-handler";
import { redeliver } from "@/lib/webhooks/manage";

export const POST = apiHandler({ scope: "webhooks:write" }, async ({ db, params, actor }) => Response.json({ delivery: await redeliver(db, params.id!, params.deliveryId!, actor) }, { status: 201 }));

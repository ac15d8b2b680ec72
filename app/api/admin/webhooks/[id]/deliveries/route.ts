import { handler } from "@/lib/http/handler";
import { listDeliveries, ZDeliveryQuery } from "@/lib/webhooks/manage";

export const GET = handler({ role: "admin", query: ZDeliveryQuery }, async ({ db, params, query }) => listDeliveries(db!, params.id!, query));

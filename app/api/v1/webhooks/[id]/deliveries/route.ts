// GET the webhook's delivery log (?status=, ?page=, ?pageSize=), newest first.
import { apiHandler } from "@/lib/http/api-handler";
import { listDeliveries, ZDeliveryQuery } from "@/lib/webhooks/manage";

export const GET = apiHandler({ scope: "webhooks:read", query: ZDeliveryQuery }, async ({ db, params, query }) => listDeliveries(db, params.id!, query));

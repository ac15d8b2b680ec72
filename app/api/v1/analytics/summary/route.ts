import { apiHandler } from "@/lib/http/api-handler";
import { analyticsSummary } from "@/lib/analytics/summary";
import { rangeFromQuery, ZRangeQuery } from "@/lib/analytics/range";

export const GET = apiHandler({ scope: "analytics:read", query: ZRangeQuery }, async ({ db, query }) => analyticsSummary(db, rangeFromQuery(query)));

import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { analyticsSummary } from "@/lib/analytics/summary";
import { lastDays, rangeFromQuery, ZRangeQuery } from "@/lib/analytics/range";

const ZQuery = ZRangeQuery.extend({ days: z.coerce.number().int().min(1).max(400).optional() });

export const GET = handler({ role: "admin", query: ZQuery }, async ({ db, query }) =>
  analyticsSummary(db!, query.days ? lastDays(query.days) : rangeFromQuery(query)),
);

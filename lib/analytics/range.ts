// Owns the date range of an analytics query: explicit `from`/`to` (API) or "the last N days"
// (dashboard), always as UTC instants with `to` exclusive.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export interface DateRange {
  from: Date;
  to: Date;
}

export const RANGE_PRESETS = [7, 30, 90] as const;

/** The last `days` UTC calendar days including today: [midnight days-1 ago, tomorrow's midnight). */
export function lastDays(days: number, now = new Date()): DateRange {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  return { from, to };
}

const ZDate = z.coerce.date({ error: "Use an ISO date such as 2025-01-31 or 2025-01-31T12:00:00Z" });

export const ZRangeQuery = z.object({ from: ZDate.optional(), to: ZDate.optional() });

/** from/to from a query; missing ones default to the last 30 days. */
export function rangeFromQuery(q: z.infer<typeof ZRangeQuery>, now = new Date()): DateRange {
  const def = lastDays(30, now);
  const to = q.to ?? def.to;
  const from = q.from ?? new Date(to.getTime() - 30 * 86_400_000);
  if (from >= to) throw new AppError("validation_failed", "`from` must be before `to`.");
  if (to.getTime() - from.getTime() > 400 * 86_400_000) throw new AppError("validation_failed", "The range can span at most 400 days.");
  return { from, to };
}

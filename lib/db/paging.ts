// Paged lists (the admin's audit log, the API's conversation export): the page query fields they
// share, the `createdAt` range filter and the rows of one page, newest first by the caller's order.
import { z } from "zod";

/** `page` (1-based) and `pageSize` (at most 200, 50 by default), for a zod query object. */
export const ZPageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export interface PageQuery {
  page: number;
  pageSize: number;
}

/** A `where` fragment: created at or after `from` and before `to`; nothing when neither is set. */
export function createdBetween(from: Date | undefined, to: Date | undefined) {
  return from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {};
}

/** `skip` and `take` for the page `q` asks for. */
export function pageRows(q: PageQuery): { skip: number; take: number } {
  return { skip: (q.page - 1) * q.pageSize, take: q.pageSize };
}

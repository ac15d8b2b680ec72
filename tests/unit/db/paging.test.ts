// The paged lists' shared pieces: the createdAt range and the rows of a page.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createdBetween, pageRows, ZPageFields } from "@/lib/db/paging";

describe("paging", () => {
  it("filters createdAt only by the bounds given (from inclusive, to exclusive)", () => {
    const from = new Date("2025-01-01T00:00:00Z");
    const to = new Date("2025-02-01T00:00:00Z");
    expect(createdBetween(undefined, undefined)).toEqual({});
    expect(createdBetween(from, undefined)).toEqual({ createdAt: { gte: from } });
    expect(createdBetween(undefined, to)).toEqual({ createdAt: { lt: to } });
    expect(createdBetween(from, to)).toEqual({ createdAt: { gte: from, lt: to } });
  });

  it("skips the earlier pages and takes one page", () => {
    expect(pageRows({ page: 1, pageSize: 50 })).toEqual({ skip: 0, take: 50 });
    expect(pageRows({ page: 3, pageSize: 20 })).toEqual({ skip: 40, take: 20 });
  });

  it("reads page and pageSize from a query string, with defaults and a cap", () => {
    const Q = z.object(ZPageFields);
    expect(Q.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(Q.parse({ page: "2", pageSize: "10" })).toEqual({ page: 2, pageSize: 10 });
    expect(Q.safeParse({ pageSize: "201" }).success).toBe(false);
  });
});

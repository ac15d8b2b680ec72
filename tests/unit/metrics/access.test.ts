// /metrics access: off (404) without METRICS_TOKEN; with it, only the exact bearer token.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { assertMetricsAccess } from "@/lib/metrics/access";

const codeOf = (fn: () => void) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("metrics access", () => {
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
    resetEnvForTests();
  });

  it("is turned off without METRICS_TOKEN", () => {
    delete process.env.METRICS_TOKEN;
    resetEnvForTests();
    expect(codeOf(() => assertMetricsAccess("Bearer anything-at-all-here"))).toBe("not_found");
  });

  it("asks for the exact token", () => {
    process.env.METRICS_TOKEN = "scrape-token-0123456789";
    resetEnvForTests();
    expect(codeOf(() => assertMetricsAccess(null))).toBe("unauthenticated");
    expect(codeOf(() => assertMetricsAccess("Bearer scrape-token-012345678"))).toBe("unauthenticated");
    expect(codeOf(() => assertMetricsAccess("Basic scrape-token-0123456789"))).toBe("unauthenticated");
    expect(codeOf(() => assertMetricsAccess("Bearer scrape-token-0123456789"))).toBe("ok");
  });
});

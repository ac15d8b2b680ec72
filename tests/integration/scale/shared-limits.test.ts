// Shared rate limits when Redis is away (issue #13: with REDIS_URL a Redis outage stopped sign-ins
// and chat): the limiters fall back to in-process budgets, keep limiting, and log a warning.
import { afterAll, describe, expect, it, vi } from "vitest";
import { Redis } from "ioredis";
import { logger } from "@/lib/log/logger";
import { consume, setLimiterFactory } from "@/lib/security/rate-limit";
import { sharedLimiterFactory } from "@/lib/scale/shared-limits";

const clients: Redis[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

function redis(url: string) {
  const c = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, retryStrategy: () => 200 });
  c.on("error", () => undefined);
  clients.push(c);
  return c;
}

const outcome = (p: Promise<void>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("shared rate limits", () => {
  it("keep working on in-process budgets, with a warning, while Redis cannot be reached", async () => {
    const warn = vi.spyOn(logger, "warn");
    setLimiterFactory(sharedLimiterFactory(redis("redis://127.0.0.1:1")));
    const key = `down-${Date.now()}`;
    const results: string[] = [];
    // loginPerAccount allows 5 attempts per e-mail + IP.
    for (let i = 0; i < 7; i++) results.push(await outcome(consume("loginPerAccount", key, "slow down")));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "rate_limited", "rate_limited"]);
    expect(warn.mock.calls.some((c) => String(c[1]).includes("fall back"))).toBe(true);
    warn.mockRestore();
  });

  it("use Redis when it answers, and fall back when it goes away", async () => {
    const client = redis("redis://127.0.0.1:6379");
    await new Promise<void>((resolve, reject) => {
      client.once("ready", () => resolve());
      setTimeout(() => reject(new Error("Redis at 127.0.0.1:6379 did not answer")), 5000).unref();
    });
    setLimiterFactory(sharedLimiterFactory(client));
    const key = `up-${Date.now()}`;
    expect(await outcome(consume("messagesPerVisitor", key, "slow down"))).toBe("ok");
    expect(await client.get(`faqbot:rl:messagesPerVisitor:${key}`)).toBe("1");
    client.disconnect();
    expect(await outcome(consume("messagesPerVisitor", key, "slow down"))).toBe("ok");
  });
});

// Rate limits shared by every instance through Redis, and what happens when Redis is away: each
// limiter falls back to an in-process one with the same budget (rate-limiter-flexible's
// insuranceLimiter), so a Redis outage never stops sign-ins or chat, and says so in the log.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "@/lib/log/logger";
import type { LimiterSpec } from "@/lib/security/rate-limit";

const WARN_EVERY_MS = 60_000;
let lastWarned = 0;

function warnFallback(name: string) {
  const now = Date.now();
  if (now - lastWarned < WARN_EVERY_MS) return;
  lastWarned = now;
  logger.warn({ limiter: name }, "Redis unavailable: rate limits fall back to this instance's own (in-process) counters");
}

/** The in-process stand-in: same budget; logs (at most once a minute) while it is in use. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    private readonly limiterName: string,
    spec: LimiterSpec,
  ) {
    super({ keyPrefix: `fallback:${limiterName}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 });
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    warnFallback(this.limiterName);
    return super.consume(...args);
  }
}

export function sharedLimiterFactory(client: Redis): (name: string, spec: LimiterSpec) => RateLimiterAbstract {
  return (name, spec) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `faqbot:rl:${name}`,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
      // Not connected: use the fallback at once instead of queueing commands until Redis is back.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new FallbackLimiter(name, spec),
    });
}

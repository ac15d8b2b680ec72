// Named rate limiters (rate-limiter-flexible). In one process they live in memory; issue #8's
// scale-out swaps the store for Redis so every instance shares the same counters.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";

export interface LimiterSpec {
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

export const LIMITS = {
  /** Failed logins per e-mail + IP (or + known device: lib/auth/device.ts). */
  loginPerAccount: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Sign-in attempts per e-mail from unknown devices (a distributed guess at one account); a
   *  browser that signed in to the account before is not held back by it. */
  loginPerEmail: { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Failed logins per IP across accounts (credential stuffing). */
  loginPerIp: { points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Sign-up attempts per IP (each new workspace, and each refused e-mail, costs one). */
  signupPerIp: { points: 10, durationSeconds: 3600, blockSeconds: 3600 },
  /** Customer messages per visitor and per IP. */
  messagesPerVisitor: { points: 20, durationSeconds: 60 },
  messagesPerIp: { points: 120, durationSeconds: 60 },
  /** New widget connections per IP. */
  connectionsPerIp: { points: 60, durationSeconds: 60 },
  /** Socket events per IP, on top of each socket's own budget (lib/realtime/event-budget.ts). */
  widgetEventsPerIp: { points: 300, durationSeconds: 10 },
  agentEventsPerIp: { points: 600, durationSeconds: 10 },
  /** Requests per API key (/api/v1). */
  apiPerKey: { points: 600, durationSeconds: 60 },
} satisfies Record<string, LimiterSpec>;

export type LimitName = keyof typeof LIMITS;

const g = globalThis as unknown as { __faqbotLimiters?: Map<string, RateLimiterAbstract>; __faqbotLimiterFactory?: (name: string, spec: LimiterSpec) => RateLimiterAbstract };

function limiter(name: LimitName): RateLimiterAbstract {
  g.__faqbotLimiters ??= new Map();
  let l = g.__faqbotLimiters.get(name);
  if (!l) {
    const spec: LimiterSpec = LIMITS[name];
    l = g.__faqbotLimiterFactory
      ? g.__faqbotLimiterFactory(name, spec)
      : new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 });
    g.__faqbotLimiters.set(name, l);
  }
  return l;
}

/** Lets the scale-out layer provide shared (Redis) limiters. Call before the first use. */
export function setLimiterFactory(factory: (name: string, spec: LimiterSpec) => RateLimiterAbstract): void {
  g.__faqbotLimiterFactory = factory;
  g.__faqbotLimiters = new Map();
}

/** Consumes one point; throws AppError rate_limited (with Retry-After) when the budget is spent. */
export async function consume(name: LimitName, key: string, message: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError("rate_limited", message, { retryAfterSeconds: retry });
    }
    throw e;
  }
}

/** Whether a key is currently blocked, without consuming. */
export async function isBlocked(name: LimitName, key: string): Promise<number> {
  const res = await limiter(name).get(key);
  if (res && res.consumedPoints > LIMITS[name].points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return 0;
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** Gives one point back (an attempt that turned out legitimate). */
export async function reward(name: LimitName, key: string): Promise<void> {
  await limiter(name).reward(key, 1);
}

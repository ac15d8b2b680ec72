// Event budgets for every socket event, widget and agent alike: a per-socket allowance checked in
// memory first (a flood from one socket never reaches the database or Redis), then a per-IP one in
// the shared rate limiters (many sockets from one address). An event over budget is answered with
// `rate_limited` (when it asked for an ack) and never reaches its handler.
import type { Socket } from "socket.io";
import { AppError, toErrorBody } from "@/lib/errors/app-error";
import { consume, type LimitName } from "@/lib/security/rate-limit";

export interface EventBudget {
  /** Events one socket may send per window. */
  perSocket: number;
  windowMs: number;
  /** Shared per-IP limiter (LIMITS in lib/security/rate-limit.ts). */
  perIp: LimitName;
}

export const WIDGET_BUDGET: EventBudget = { perSocket: 30, windowMs: 10_000, perIp: "widgetEventsPerIp" };
export const AGENT_BUDGET: EventBudget = { perSocket: 100, windowMs: 10_000, perIp: "agentEventsPerIp" };

const SLOW_DOWN = "Too many requests at once. Please wait a moment and try again.";

export function useEventBudget(socket: Socket, ip: string, budget: EventBudget): void {
  let windowStart = Date.now();
  let used = 0;
  socket.use((packet, next) => {
    const ack = packet.at(-1);
    const refuse = (retryAfterSeconds: number) => {
      if (typeof ack === "function") {
        const body = toErrorBody(new AppError("rate_limited", SLOW_DOWN));
        (ack as (res: unknown) => void)({ error: { ...body.error, retryAfterSeconds } });
      }
    };
    const now = Date.now();
    if (now - windowStart >= budget.windowMs) {
      windowStart = now;
      used = 0;
    }
    if (++used > budget.perSocket) return refuse(Math.max(1, Math.ceil((windowStart + budget.windowMs - now) / 1000)));
    consume(budget.perIp, ip, SLOW_DOWN).then(
      () => next(),
      (e: unknown) => (e instanceof AppError ? refuse(e.retryAfterSeconds ?? 1) : next()),
    );
  });
}

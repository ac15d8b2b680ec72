// Wiring for several instances behind a load balancer, active only with REDIS_URL: the Socket.IO
// Redis adapter (a customer on one instance and an agent on another talk live), rate limits in
// Redis (one budget across instances; in-process while Redis is down), and the domain events that
// per-process state depends on relayed between instances (CROSS_INSTANCE_EVENTS: a publish on one
// instance evicts the cached tenant model on all of them within a second).
import type { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { logger } from "@/lib/log/logger";
import { setLimiterFactory } from "@/lib/security/rate-limit";
import { sharedLimiterFactory } from "@/lib/scale/shared-limits";
import { deliverRelayed, subscribeAll, type EventName } from "@/lib/events/bus";
import { CROSS_INSTANCE_EVENTS } from "@/lib/events/catalogue";
import { redisConnection, redisEnabled, closeRedis } from "@/lib/scale/redis";
import { instanceId } from "@/lib/scale/instance";
import { onStop } from "@/lib/app/lifecycle";

const CHANNEL = "faqbot:domain-events";

export function setupScaleOut(io: Server): void {
  if (!redisEnabled()) return;
  io.adapter(createAdapter(redisConnection("io-pub"), redisConnection("io-sub")));

  // A slow or vanished Redis must not hold a sign-in or a chat message: commands give up quickly
  // and the limiter falls back to in-process counters (lib/scale/shared-limits.ts).
  setLimiterFactory(sharedLimiterFactory(redisConnection("rate-limits", { commandTimeoutMs: 500 })));

  const pub = redisConnection("events-pub");
  const sub = redisConnection("events-sub");
  const relayed = new Set<EventName>(CROSS_INSTANCE_EVENTS);
  subscribeAll((name, payload, meta) => {
    if (meta.origin || !relayed.has(name)) return; // relayed from another instance: do not echo
    void pub.publish(CHANNEL, JSON.stringify({ from: instanceId, name, payload }));
  });
  void sub.subscribe(CHANNEL);
  sub.on("message", (_channel: string, raw: string) => {
    try {
      const msg = JSON.parse(raw) as { from: string; name: EventName; payload: never };
      if (msg.from === instanceId || !relayed.has(msg.name)) return;
      deliverRelayed(msg.name, msg.payload, msg.from);
    } catch (err) {
      logger.warn({ err }, "bad domain event from redis");
    }
  });
  onStop(closeRedis);
  logger.info({ instance: instanceId }, "scale-out: Socket.IO adapter, rate limits and domain events on Redis");
}

// Redis connections for running several instances (REDIS_URL set): Socket.IO fan-out, shared rate
// limits, cross-instance events and the training job queue. Without REDIS_URL nothing here runs
// and a single instance keeps everything in process.
import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

const g = globalThis as unknown as { __faqbotRedis?: Redis[] };
const opened = (g.__faqbotRedis ??= []);

export function redisEnabled(): boolean {
  return env().REDIS_URL !== "";
}

/** A new connection (subscribers need their own). BullMQ requires maxRetriesPerRequest: null. */
export function redisConnection(name: string, opts: { forBullmq?: boolean; commandTimeoutMs?: number } = {}): Redis {
  const client = new Redis(env().REDIS_URL, {
    connectionName: `faqbot:${name}`,
    lazyConnect: false,
    maxRetriesPerRequest: opts.forBullmq ? null : 3,
    enableOfflineQueue: true,
    ...(opts.commandTimeoutMs ? { commandTimeout: opts.commandTimeoutMs } : {}),
  });
  client.on("error", (err) => logger.warn({ err: err.message, connection: name }, "redis connection error"));
  opened.push(client);
  return client;
}

export async function closeRedis(): Promise<void> {
  await Promise.all(opened.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
}

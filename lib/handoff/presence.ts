// Agent presence (online / away / offline) and the grace period: an agent whose last console tab
// disconnects is "away" at once (no new customers are promised a person) and keeps their
// conversations for the tenant's grace period; after it they go offline
// and their conversations return to the FRONT of the queue. Socket counts are per process; the
// scale-out layer shares them through Redis.
import { getDb } from "@/lib/db";
import { agentSocketCount } from "@/lib/realtime/connections";
import { logger } from "@/lib/log/logger";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { publish } from "@/lib/events/bus";
import { handoffStatus } from "@/lib/handoff/queue";
import { queueChanged, conversationUpdated, teamAvailabilityChanged } from "@/lib/handoff/broadcast";

/** Priority given to conversations returned by an agent who left: ahead of everything else. */
export const RETURNED_PRIORITY = 100;

const g = globalThis as unknown as { __faqbotAgentSockets?: Map<string, Set<string>>; __faqbotGrace?: Map<string, NodeJS.Timeout> };
const sockets = (g.__faqbotAgentSockets ??= new Map());
const grace = (g.__faqbotGrace ??= new Map());

export function activeSocketCount(userId: string): number {
  return sockets.get(userId)?.size ?? 0;
}

/**
 * Console connections of an agent across ALL instances (with the Redis adapter, fetchSockets asks
 * every instance); falls back to this process's count before Socket.IO is attached.
 */
export async function connectedEverywhere(userId: string): Promise<number> {
  return (await agentSocketCount(userId)) ?? activeSocketCount(userId);
}

export function agentConnected(userId: string, socketId: string): void {
  const set = sockets.get(userId) ?? new Set();
  set.add(socketId);
  sockets.set(userId, set);
  const timer = grace.get(userId);
  if (timer) {
    clearTimeout(timer);
    grace.delete(userId);
  }
}

export async function agentDisconnected(user: { id: string; tenantId: string }, socketId: string): Promise<void> {
  const set = sockets.get(user.id);
  set?.delete(socketId);
  if (set && set.size > 0) return;
  sockets.delete(user.id);
  const db = await getDb();
  // Nobody is watching this agent's console any more: new customers must not be told that someone
  // will answer within a minute. The agent is "away" at once (their own conversations stay theirs
  // for the grace period); the console sets its presence again when it reconnects.
  if ((await connectedEverywhere(user.id)) === 0) {
    const away = await db.user.updateMany({ where: { id: user.id, presence: "online" }, data: { presence: "away" } });
    if (away.count > 0) await teamAvailabilityChanged(user.tenantId);
  }
  const tenant = await db.tenant.findUnique({ where: { id: user.tenantId }, select: { settings: true } });
  const seconds = readTenantSettings(tenant?.settings).agentGraceSeconds;
  grace.set(
    user.id,
    setTimeout(() => {
      grace.delete(user.id);
      void graceExpired(user).catch((err) => logger.error({ err, userId: user.id }, "grace expiry failed"));
    }, seconds * 1000).unref(),
  );
}

export async function setPresence(userId: string, presence: "online" | "away" | "offline"): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { presence, lastSeenAt: new Date() } });
}

/** The agent did not come back in time: offline, and their conversations go back to the queue. */
export async function graceExpired(user: { id: string; tenantId: string }): Promise<void> {
  if ((await connectedEverywhere(user.id)) > 0) return;
  await returnConversationsToQueue(user);
}

/** An agent leaves (grace period over, or deactivated): their conversations go to the front of the queue. */
export async function returnConversationsToQueue(user: { id: string; tenantId: string }): Promise<void> {
  // Any console still open (a deactivated agent's) is disconnected, on every instance.
  publish("agent.left", { tenantId: user.tenantId, userId: user.id });
  const db = await getDb();
  await db.user.update({ where: { id: user.id }, data: { presence: "offline" } });
  const owned = await db.conversation.findMany({ where: { tenantId: user.tenantId, assignedAgentId: user.id, status: "assigned" }, select: { id: true, visitorId: true } });
  for (const c of owned) {
    await db.$transaction(async (tx) => {
      await tx.handoff.updateMany({ where: { conversationId: c.id, status: "claimed" }, data: { status: "queued", claimedById: null, claimedAt: null, priority: RETURNED_PRIORITY } });
      await tx.conversation.update({ where: { id: c.id }, data: { status: "queued", owner: "bot", assignedAgentId: null } });
    });
    publish("handoff.status", { tenantId: user.tenantId, conversationId: c.id, visitorId: c.visitorId, status: await handoffStatus(db, c.id) });
    conversationUpdated(user.tenantId, { id: c.id, status: "queued", owner: "bot", assignedAgentId: null });
  }
  if (owned.length > 0) logger.info({ userId: user.id, returned: owned.length }, "agent grace period over: conversations back in the queue");
  await queueChanged(user.tenantId);
  await teamAvailabilityChanged(user.tenantId);
}

// The human-agent queue, stored in the database so it survives restarts: priority first, then
// first come first served. Position and estimated wait are computed from the queue and from how
// long recent conversations took agents to handle.
import type { Db } from "@/lib/db";
import type { HandoffStatus } from "@/lib/chat/protocol";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { onlineAgents, withinBusinessHours } from "@/lib/handoff/availability";

export type HandoffReason = "customer_request" | "model_handoff" | "unanswered" | "frustration" | "no_model" | "off_topic";

export interface HandoffContext {
  questions: string[];
  botAnswers: { question: string; answer: string; confidence: number | null; decision: string }[];
  trigger: string;
}

const DEFAULT_HANDLE_SECONDS = 180;

/** 1-based position of a queued handoff in its queue (its team's, or the tenant's shared one). */
export async function queuePosition(db: Db, handoff: { id: string; tenantId: string; priority: number; queuedAt: Date; teamId?: string | null }): Promise<number> {
  const ahead = await db.handoff.count({
    where: {
      tenantId: handoff.tenantId,
      teamId: handoff.teamId ?? null,
      status: "queued",
      OR: [{ priority: { gt: handoff.priority } }, { priority: handoff.priority, queuedAt: { lt: handoff.queuedAt } }, { priority: handoff.priority, queuedAt: handoff.queuedAt, id: { lt: handoff.id } }],
    },
  });
  return ahead + 1;
}

/** Seconds per conversation, the median of the last 20 handled ones (claim → resolve). */
async function handleSeconds(db: Db, tenantId: string): Promise<number> {
  const recent = await db.handoff.findMany({
    where: { tenantId, status: "resolved", claimedAt: { not: null }, resolvedAt: { not: null } },
    orderBy: { resolvedAt: "desc" },
    take: 20,
    select: { claimedAt: true, resolvedAt: true },
  });
  if (recent.length < 3) return DEFAULT_HANDLE_SECONDS;
  const d = recent.map((r) => (r.resolvedAt!.getTime() - r.claimedAt!.getTime()) / 1000).sort((a, b) => a - b);
  return Math.max(30, d[Math.floor(d.length / 2)]!);
}

/**
 * Estimated wait for position p: agents with a free slot take the first ones at once; after that,
 * each handled conversation frees a slot (handle time ÷ total slots).
 */
export async function estimateWaitSeconds(db: Db, tenantId: string, position: number, teamId: string | null = null): Promise<number | null> {
  const agents = await onlineAgents(db, tenantId, teamId);
  if (agents.length === 0) return null;
  const slots = agents.reduce((s, a) => s + a.maxChats, 0);
  const busy = await db.conversation.count({ where: { tenantId, status: "assigned", assignedAgentId: { in: agents.map((a) => a.id) } } });
  const free = Math.max(0, slots - busy);
  if (position <= free) return 0;
  return Math.round(((position - free) * (await handleSeconds(db, tenantId))) / Math.max(1, slots));
}

/** The customer's view of their conversation's handoff. */
export async function handoffStatus(db: Db, conversationId: string): Promise<HandoffStatus> {
  const h = await db.handoff.findFirst({ where: { conversationId, status: { in: ["queued", "claimed"] } }, orderBy: { queuedAt: "desc" }, include: { claimedBy: { select: { name: true } } } });
  if (!h) return { state: "none" };
  if (h.status === "claimed") return { state: "assigned", agentName: h.claimedBy?.name ?? null };
  const position = await queuePosition(db, h);
  return { state: "queued", position, etaSeconds: await estimateWaitSeconds(db, h.tenantId, position, h.teamId) };
}

/**
 * Can anyone take a conversation now (for a team's queue: one of its members, or an admin)? If
 * not, why (the widget then offers an offline ticket).
 */
export async function availability(db: Db, tenantId: string, teamId: string | null = null): Promise<{ open: true } | { open: false; reason: "closed" | "no_agents" }> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  if (!withinBusinessHours(readTenantSettings(tenant.settings))) return { open: false, reason: "closed" };
  if ((await onlineAgents(db, tenantId, teamId)).length === 0) return { open: false, reason: "no_agents" };
  return { open: true };
}

/**
 * Puts a conversation in the queue (idempotent: an active handoff is returned as it is). One
 * transaction: the handoff row and the conversation's status change together.
 */
export async function enqueue(db: Db, input: { tenantId: string; conversationId: string; reason: HandoffReason; priority?: number; context: HandoffContext; queuedAt?: Date; teamId?: string | null; firstResponseDueAt?: Date | null }) {
  const handoff = await db.$transaction(async (tx) => {
    // Conditional: of two simultaneous requests (a double click, the bot escalating at the same
    // moment) only one moves the conversation into the queue and creates the handoff.
    const moved = await tx.conversation.updateMany({ where: { id: input.conversationId, status: { notIn: ["queued", "assigned"] } }, data: { status: "queued", unansweredStreak: 0 } });
    if (moved.count !== 1) return null;
    return tx.handoff.create({
      data: {
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        reason: input.reason,
        priority: input.priority ?? 0,
        context: input.context as object,
        status: "queued",
        teamId: input.teamId ?? null,
        firstResponseDueAt: input.firstResponseDueAt ?? null,
        ...(input.queuedAt ? { queuedAt: input.queuedAt } : {}),
      },
    });
  });
  if (handoff) return { handoff, created: true };
  const active = await db.handoff.findFirst({ where: { conversationId: input.conversationId, status: { in: ["queued", "claimed"] } }, orderBy: { queuedAt: "desc" } });
  return { handoff: active!, created: false };
}

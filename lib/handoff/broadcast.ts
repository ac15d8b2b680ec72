// Keeping everyone in step after a queue change: the tenant's queue changed (agents refetch it),
// and every waiting customer's place in line and estimated wait, as domain events.
import { getDb } from "@/lib/db";
import { publish } from "@/lib/events/bus";
import { availability, handoffStatus } from "@/lib/handoff/queue";

export async function queueChanged(tenantId: string): Promise<void> {
  publish("queue.changed", { tenantId });
  const db = await getDb();
  const waiting = await db.handoff.findMany({ where: { tenantId, status: "queued" }, select: { conversationId: true, conversation: { select: { visitorId: true } } } });
  for (const w of waiting) publish("handoff.status", { tenantId, conversationId: w.conversationId, visitorId: w.conversation.visitorId, status: await handoffStatus(db, w.conversationId) });
}

export function conversationUpdated(tenantId: string, c: { id: string; status: string; owner: string; assignedAgentId: string | null }): void {
  publish("conversation.updated", { tenantId, conversationId: c.id, status: c.status, owner: c.owner, assignedAgentId: c.assignedAgentId });
}

/** After an agent's presence changed: whether someone could take a chat now, for the widgets' headers. */
export async function teamAvailabilityChanged(tenantId: string): Promise<void> {
  const db = await getDb();
  const team = await availability(db, tenantId);
  publish("team.availability", { tenantId, available: team.open });
}

// Keeping everyone in step after a queue change: agents refetch the queue, and every waiting
// customer gets their new place in line and estimated wait.
import { getDb } from "@/lib/db";
import { emitToTenantAgents, emitToVisitor } from "@/lib/realtime/emit";
import { handoffStatus } from "@/lib/handoff/queue";

export async function queueChanged(tenantId: string): Promise<void> {
  emitToTenantAgents(tenantId, "queue:changed", { tenantId });
  const db = await getDb();
  const waiting = await db.handoff.findMany({ where: { tenantId, status: "queued" }, select: { conversationId: true, conversation: { select: { visitorId: true } } } });
  for (const w of waiting) emitToVisitor(w.conversation.visitorId, "handoff:status", await handoffStatus(db, w.conversationId));
}

export function conversationUpdated(tenantId: string, c: { id: string; status: string; owner: string; assignedAgentId: string | null }): void {
  emitToTenantAgents(tenantId, "conversation:updated", { conversationId: c.id, status: c.status, owner: c.owner, assignedAgentId: c.assignedAgentId });
}

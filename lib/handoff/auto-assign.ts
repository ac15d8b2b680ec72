// Round-robin assignment, for tenants that choose it: each queued conversation, in queue order,
// goes to the connected, online agent with the fewest open chats (below their maximum), taking
// turns among equals. "Whose turn" is read from the database (each agent's latest claim), so
// several instances share it.
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { AppError } from "@/lib/errors/app-error";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { claimConversation } from "@/lib/handoff/actions";
import { connectedEverywhere } from "@/lib/handoff/presence";
import { teamMemberIds } from "@/lib/handoff/routing";

export async function autoAssign(tenantId: string): Promise<void> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  if (readTenantSettings(tenant?.settings).handoffMode !== "round_robin") return;
  const queued = await db.handoff.findMany({ where: { tenantId, status: "queued" }, orderBy: [{ priority: "desc" }, { queuedAt: "asc" }, { id: "asc" }], select: { conversationId: true, teamId: true } });
  for (const q of queued) {
    const agents = await db.user.findMany({ where: { tenantId, active: true, presence: "online" } });
    const [load, latest] = await Promise.all([
      db.conversation.groupBy({ by: ["assignedAgentId"], where: { tenantId, status: "assigned" }, _count: { _all: true } }),
      db.handoff.groupBy({ by: ["claimedById"], where: { tenantId, claimedById: { in: agents.map((a) => a.id) } }, _max: { claimedAt: true } }),
    ]);
    const active = new Map(load.map((l) => [l.assignedAgentId, l._count._all]));
    const lastClaim = new Map(latest.map((l) => [l.claimedById, l._max.claimedAt?.getTime() ?? 0]));
    const members = await teamMemberIds(db, tenantId, q.teamId);
    const connected = new Set<string>();
    for (const a of agents) if ((await connectedEverywhere(a.id)) > 0) connected.add(a.id);
    const candidates = agents
      // A team's customers go to its members (admins, who see every queue, are not auto-assigned into it).
      .filter((a) => connected.has(a.id) && (active.get(a.id) ?? 0) < a.maxChats && (!members || members.has(a.id)))
      .sort((a, b) => (active.get(a.id) ?? 0) - (active.get(b.id) ?? 0) || (lastClaim.get(a.id) ?? 0) - (lastClaim.get(b.id) ?? 0));
    const agent = candidates[0];
    // Nobody free: for the shared queue that holds for everyone behind; a team's may still have someone.
    if (!agent) {
      if (!members) return;
      continue;
    }
    try {
      await claimConversation({ id: agent.id, tenantId, name: agent.name, role: agent.role }, q.conversationId, { via: "round_robin" });
    } catch (err) {
      // Someone claimed it meanwhile: fine, move on.
      if (!(err instanceof AppError && err.code === "conflict")) logger.error({ err, tenantId }, "auto-assign failed");
    }
  }
}

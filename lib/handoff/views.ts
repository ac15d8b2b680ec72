// What the agent console shows: the queue with reasons, context and waiting time, the agent's own
// conversations, open offline tickets, the team, and one conversation in full (with the bot's
// decisions and internal notes).
import { getDb } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { toWire } from "@/lib/chat/conversation-store";
import type { AgentView, AgentWireMessage, ConversationDetail, ConversationSummary, HandoffContextView, QueueItem, TicketView } from "@/lib/handoff/agent-protocol";
import type { Actor } from "@/lib/handoff/actions";
import { connectedEverywhere } from "@/lib/handoff/presence";

const lastText = (msgs: { text: string }[]) => msgs[0]?.text.slice(0, 200) ?? null;

export async function queueView(actor: Actor): Promise<{ queue: QueueItem[]; mine: ConversationSummary[]; tickets: TicketView[]; me: AgentView }> {
  const db = await getDb();
  const [queued, mine, tickets, me] = await Promise.all([
    db.handoff.findMany({
      where: { tenantId: actor.tenantId, status: "queued" },
      orderBy: [{ priority: "desc" }, { queuedAt: "asc" }, { id: "asc" }],
      include: { conversation: { select: { language: true, messages: { where: { role: "customer" }, orderBy: { seq: "desc" }, take: 1, select: { text: true } } } } },
    }),
    db.conversation.findMany({
      where: { tenantId: actor.tenantId, status: "assigned", ...(actor.role === "agent" ? { assignedAgentId: actor.id } : {}) },
      orderBy: { updatedAt: "desc" },
      include: {
        assignedAgent: { select: { name: true } },
        handoffs: { where: { status: "claimed" }, take: 1, select: { reason: true } },
        messages: { where: { role: { in: ["customer", "agent"] } }, orderBy: { seq: "desc" }, take: 1, select: { text: true } },
      },
    }),
    db.offlineTicket.findMany({ where: { tenantId: actor.tenantId, status: "open" }, orderBy: { createdAt: "desc" }, take: 100 }),
    agentView(actor.id),
  ]);
  return {
    queue: queued.map((h, i) => ({
      handoffId: h.id,
      conversationId: h.conversationId,
      reason: h.reason,
      priority: h.priority,
      queuedAt: h.queuedAt.toISOString(),
      position: i + 1,
      context: h.context as unknown as HandoffContextView,
      language: h.conversation.language,
      lastMessage: lastText(h.conversation.messages),
    })),
    mine: mine.map((c) => ({
      conversationId: c.id,
      status: c.status,
      owner: c.owner,
      assignedAgentId: c.assignedAgentId,
      assignedAgentName: c.assignedAgent?.name ?? null,
      reason: c.handoffs[0]?.reason ?? null,
      language: c.language,
      lastMessage: lastText(c.messages),
      updatedAt: c.updatedAt.toISOString(),
    })),
    tickets: tickets.map((tk) => ({ id: tk.id, email: tk.email, message: tk.message, createdAt: tk.createdAt.toISOString(), conversationId: tk.conversationId })),
    me,
  };
}

async function agentView(userId: string): Promise<AgentView> {
  const db = await getDb();
  const u = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const activeChats = await db.conversation.count({ where: { tenantId: u.tenantId, assignedAgentId: u.id, status: "assigned" } });
  return { id: u.id, name: u.name, role: u.role, presence: u.presence as AgentView["presence"], activeChats, maxChats: u.maxChats };
}

export async function agentsView(tenantId: string): Promise<AgentView[]> {
  const db = await getDb();
  const users = await db.user.findMany({ where: { tenantId, active: true }, orderBy: { name: "asc" } });
  const counts = await db.conversation.groupBy({ by: ["assignedAgentId"], where: { tenantId, status: "assigned" }, _count: { _all: true } });
  const byAgent = new Map(counts.map((c) => [c.assignedAgentId, c._count._all]));
  const connected = await Promise.all(users.map((u) => connectedEverywhere(u.id)));
  return users.map((u, i) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    presence: (connected[i]! > 0 ? u.presence : "offline") as AgentView["presence"],
    activeChats: byAgent.get(u.id) ?? 0,
    maxChats: u.maxChats,
  }));
}

export async function conversationDetail(actor: Actor, conversationId: string): Promise<ConversationDetail> {
  const db = await getDb();
  const c = await db.conversation.findFirst({
    where: { id: conversationId, tenantId: actor.tenantId },
    include: {
      visitor: true,
      messages: { orderBy: { seq: "asc" }, take: 1000 },
      decisions: { orderBy: { createdAt: "asc" }, take: 500 },
      handoffs: { orderBy: { queuedAt: "desc" }, take: 1 },
      ratings: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  if (!c) throw new AppError("not_found", "Conversation not found.");
  const h = c.handoffs[0];
  return {
    id: c.id,
    status: c.status,
    owner: c.owner,
    language: c.language,
    assignedAgentId: c.assignedAgentId,
    visitor: { id: c.visitor.id, email: c.visitor.email, name: c.visitor.name, createdAt: c.visitor.createdAt.toISOString() },
    messages: c.messages.map((m) => ({ ...toWire(m), role: m.role as AgentWireMessage["role"] })),
    decisions: c.decisions.map((d) => ({ messageId: d.messageId, kind: d.kind, faqEntryKey: d.faqEntryKey, confidence: d.confidence, reason: d.reason, createdAt: d.createdAt.toISOString() })),
    handoff: h ? { id: h.id, reason: h.reason, status: h.status, queuedAt: h.queuedAt.toISOString(), claimedAt: h.claimedAt?.toISOString() ?? null, context: h.context as unknown as HandoffContextView } : null,
    rating: c.ratings[0] ? { score: c.ratings[0].score, comment: c.ratings[0].comment } : null,
  };
}

/** The id of a conversation of the agent's tenant (another tenant's is "not found"). */
export async function conversationRef(actor: Actor, conversationId: string): Promise<string> {
  const db = await tenantDb(actor.tenantId);
  const conversation = await db.conversation.findFirst({ where: { id: conversationId }, select: { id: true } });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return conversation.id;
}

// What the agent console shows: the queue with reasons, context and waiting time, the agent's own
// conversations, open offline tickets, the team, and one conversation in full (with the bot's
// decisions and internal notes).
import { getDb } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { toWire } from "@/lib/chat/conversation-store";
import type { AgentView, AgentWireMessage, ConversationDetail, ConversationSummary, EarlierConversation, HandoffContextView, QueueItem, TicketView } from "@/lib/handoff/agent-protocol";
import { handoffTeamFilter, visibleTeamIds } from "@/lib/handoff/routing";
import type { Actor } from "@/lib/handoff/actions";
import { connectedEverywhere } from "@/lib/handoff/presence";
import { prechatOf } from "@/lib/chat/prechat";

const lastText = (msgs: { text: string }[]) => msgs[0]?.text.slice(0, 200) ?? null;

export async function queueView(actor: Actor): Promise<{ queue: QueueItem[]; mine: ConversationSummary[]; tickets: TicketView[]; me: AgentView; teams: { id: string; name: string }[] }> {
  const db = await getDb();
  // An agent sees their teams' queues (and unrouted customers); admins see every queue.
  const visible = await visibleTeamIds(db, actor);
  const [queued, mine, tickets, me, teams] = await Promise.all([
    db.handoff.findMany({
      where: { tenantId: actor.tenantId, status: "queued", ...handoffTeamFilter(visible) },
      orderBy: [{ priority: "desc" }, { queuedAt: "asc" }, { id: "asc" }],
      include: {
        team: { select: { id: true, name: true } },
        conversation: { select: { language: true, messages: { where: { role: "customer" }, orderBy: { seq: "desc" }, take: 1, select: { text: true } } } },
      },
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
    db.team.findMany({ where: { tenantId: actor.tenantId, ...(visible ? { id: { in: visible } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
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
      team: h.team,
      firstResponseDueAt: h.firstResponseDueAt?.toISOString() ?? null,
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
    teams,
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
      handoffs: { orderBy: { queuedAt: "desc" }, take: 1, include: { team: { select: { id: true, name: true } } } },
      ratings: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  if (!c) throw new AppError("not_found", "Conversation not found.");
  const h = c.handoffs[0];
  const history = await customerHistory(db, { tenantId: actor.tenantId, conversationId: c.id, visitorId: c.visitorId, email: c.visitor.email });
  return {
    id: c.id,
    status: c.status,
    owner: c.owner,
    language: c.language,
    assignedAgentId: c.assignedAgentId,
    visitor: {
      id: c.visitor.id,
      email: c.visitor.email,
      name: c.visitor.name,
      createdAt: c.visitor.createdAt.toISOString(),
      customerId: c.visitor.verifiedAt ? c.visitor.externalId : null,
      verified: c.visitor.verifiedAt !== null && c.visitor.externalId !== null,
      prechat: prechatOf(c.visitor.metadata),
    },
    messages: c.messages.map((m) => ({ ...toWire(m), role: m.role as AgentWireMessage["role"] })),
    decisions: c.decisions.map((d) => ({ messageId: d.messageId, kind: d.kind, faqEntryKey: d.faqEntryKey, confidence: d.confidence, reason: d.reason, createdAt: d.createdAt.toISOString() })),
    handoff: h
      ? {
          id: h.id,
          reason: h.reason,
          status: h.status,
          queuedAt: h.queuedAt.toISOString(),
          claimedAt: h.claimedAt?.toISOString() ?? null,
          context: h.context as unknown as HandoffContextView,
          team: h.team,
          firstResponseDueAt: h.firstResponseDueAt?.toISOString() ?? null,
          firstResponseAt: h.firstResponseAt?.toISOString() ?? null,
        }
      : null,
    rating: c.ratings[0] ? { score: c.ratings[0].score, comment: c.ratings[0].comment } : null,
    history,
  };
}

const HISTORY_LIMIT = 20;

/**
 * The customer's other conversations: the same visitor (the widget's remembered token), and
 * visitors who left the same e-mail address (another device, an offline message) — newest first.
 */
async function customerHistory(db: Awaited<ReturnType<typeof getDb>>, c: { tenantId: string; conversationId: string; visitorId: string; email: string | null }): Promise<EarlierConversation[]> {
  const email = c.email?.trim().toLowerCase() || null;
  const rows = await db.conversation.findMany({
    where: {
      tenantId: c.tenantId,
      id: { not: c.conversationId },
      // E-mail addresses are stored as typed; the lower-cased form catches the usual variant.
      OR: [{ visitorId: c.visitorId }, ...(email ? [{ visitor: { tenantId: c.tenantId, email: { in: [...new Set([c.email!.trim(), email])] } } }] : [])],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      status: true,
      createdAt: true,
      visitorId: true,
      messages: { where: { role: "customer" }, orderBy: { seq: "asc" }, take: 1, select: { text: true } },
      _count: { select: { messages: { where: { role: { in: ["customer", "bot", "agent"] } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    firstMessage: r.messages[0]?.text.slice(0, 200) ?? null,
    messageCount: r._count.messages,
    matchedBy: r.visitorId === c.visitorId ? "visitor" : "email",
  }));
}

/** The id of a conversation of the agent's tenant (another tenant's is "not found"). */
export async function conversationRef(actor: Actor, conversationId: string): Promise<string> {
  const db = await tenantDb(actor.tenantId);
  const conversation = await db.conversation.findFirst({ where: { id: conversationId }, select: { id: true } });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return conversation.id;
}

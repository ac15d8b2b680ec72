// Handing a conversation to a person: when someone can take it, queue it with the reason and a
// short context for the agent and tell the customer their place in line; otherwise say honestly
// that nobody is available and offer the offline form. A customer who asked to be written to (an
// e-mail back) gets the form at once: a chat queue is not what they asked for.
import { getDb } from "@/lib/db";
import { appendMessage, toWire } from "@/lib/chat/conversation-store";
import { botText, formatEta, t, textLanguage } from "@/lib/chat/strings";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { publish } from "@/lib/events/bus";
import { availability, enqueue, handoffStatus, type HandoffContext, type HandoffReason } from "@/lib/handoff/queue";
import type { HandoffStatus } from "@/lib/chat/protocol";
import { autoAssign } from "@/lib/handoff/auto-assign";
import { queueChanged } from "@/lib/handoff/broadcast";
import { routeHandoff } from "@/lib/handoff/routing";
import { logger } from "@/lib/log/logger";

export interface EscalateInput {
  tenantId: string;
  conversationId: string;
  visitorId: string;
  language: string;
  reason: HandoffReason;
  trigger: string;
  /** The customer asked to be written to: take their address and message instead of queueing. */
  inWriting?: boolean;
}

const PRIORITY: Record<HandoffReason, number> = { frustration: 2, customer_request: 1, unanswered: 1, model_handoff: 0, no_model: 0, off_topic: 0 };

export async function escalate(input: EscalateInput): Promise<HandoffStatus> {
  const db = await getDb();
  const say = async (text: string, kind: "handoff_queued" | "offline") => {
    const row = await appendMessage(db, { tenantId: input.tenantId, conversationId: input.conversationId, role: "system", text, metadata: { kind, language: textLanguage(input.language) } });
    publish("message.created", { tenantId: input.tenantId, conversationId: input.conversationId, visitorId: input.visitorId, message: toWire(row) });
  };
  const tell = (status: HandoffStatus) => publish("handoff.status", { tenantId: input.tenantId, conversationId: input.conversationId, visitorId: input.visitorId, status });
  const existing = await handoffStatus(db, input.conversationId);
  if (existing.state !== "none") {
    tell(existing);
    return existing;
  }
  if (input.inWriting) {
    await say(t("writeBack", input.language), "offline");
    const status: HandoffStatus = { state: "offline", reason: "in_writing" };
    tell(status);
    return status;
  }
  // The team's queue first: whether anyone can answer depends on who is in that team.
  const queuedAt = new Date();
  const route = await routeHandoff(db, { tenantId: input.tenantId, conversationId: input.conversationId, language: input.language }, queuedAt);
  const avail = await availability(db, input.tenantId, route.teamId);
  if (!avail.open) {
    // The workspace's own wording for "nobody available" / "we're closed", if it wrote one (Settings).
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { settings: true } });
    await say(botText(readTenantSettings(tenant?.settings).botTexts, avail.reason === "closed" ? "offlineClosed" : "offlineNoAgents", input.language), "offline");
    const status: HandoffStatus = { state: "offline", reason: avail.reason };
    tell(status);
    return status;
  }
  await enqueue(db, { tenantId: input.tenantId, conversationId: input.conversationId, reason: input.reason, priority: PRIORITY[input.reason], context: await buildContext(input), queuedAt, teamId: route.teamId, firstResponseDueAt: route.firstResponseDueAt });
  if (route.teamId) logger.info({ tenantId: input.tenantId, conversationId: input.conversationId, teamId: route.teamId, rule: route.rule }, "hand-off routed to a team");
  publish("handoff.queued", { tenantId: input.tenantId, conversationId: input.conversationId, visitorId: input.visitorId, reason: input.reason, priority: PRIORITY[input.reason] });
  const status = await handoffStatus(db, input.conversationId);
  await say(`${t("connecting", input.language)} ${t("queued", input.language, { position: status.position ?? 1, eta: formatEta(status.etaSeconds, input.language) })}`, "handoff_queued");
  tell(status);
  await queueChanged(input.tenantId);
  void autoAssign(input.tenantId);
  return status;
}

/** What the agent sees first: the customer's questions and what the bot answered, with confidence. */
async function buildContext(input: EscalateInput): Promise<HandoffContext> {
  const db = await getDb();
  const [questions, decisions] = await Promise.all([
    db.message.findMany({ where: { conversationId: input.conversationId, role: "customer" }, orderBy: { seq: "desc" }, take: 10, select: { text: true } }),
    db.decision.findMany({ where: { conversationId: input.conversationId }, orderBy: { createdAt: "desc" }, take: 8 }),
  ]);
  return {
    trigger: input.trigger,
    questions: questions.map((q) => q.text).reverse(),
    botAnswers: decisions.reverse().map((d) => ({ question: d.text, answer: d.faqEntryKey ?? "", confidence: d.confidence, decision: d.kind })),
  };
}

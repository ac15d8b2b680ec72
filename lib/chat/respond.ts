// The bot's turn after a customer message: hand-off triggers, the tenant model's decision
// (answer / suggest / hand off), the streamed reply, and the decision log for analytics.
// Replies in one conversation are produced one at a time, in order.
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { detectLanguage } from "@/lib/faq/language";
import { getActiveModel, type ActiveModel } from "@/lib/tenant-models/active-model";
import { generateReply, getModelRuntime } from "@/lib/models";
import type { Decision } from "@/lib/training";
import { appendMessage, toWire, type MessageMeta } from "@/lib/chat/conversation-store";
import { t } from "@/lib/chat/strings";
import { emitToConversationAgents, emitToTenantAgents, emitToVisitor } from "@/lib/realtime/emit";
import { asksForHuman, frustrationSignal } from "@/lib/handoff/triggers";
import { escalate } from "@/lib/handoff/escalate";
import type { HandoffReason } from "@/lib/handoff/queue";

type MessageRow = Awaited<ReturnType<typeof appendMessage>>;

const g = globalThis as unknown as { __faqbotChains?: Map<string, Promise<void>>; __faqbotInflight?: Map<string, AbortController> };
const chains = (g.__faqbotChains ??= new Map());
const inflight = (g.__faqbotInflight ??= new Map());

/** Queues the bot's turn for a stored customer message behind earlier turns of the conversation. */
export function scheduleReply(conversationId: string, customerMessageId: string): Promise<void> {
  const prev = chains.get(conversationId) ?? Promise.resolve();
  const next = prev
    .then(() => respond(conversationId, customerMessageId))
    .catch((err: unknown) => logger.error({ err, conversationId }, "bot reply failed"))
    .finally(() => {
      if (chains.get(conversationId) === next) chains.delete(conversationId);
    });
  chains.set(conversationId, next);
  return next;
}

/** Stops a reply being generated (an agent took over, the customer left). */
export function cancelReply(conversationId: string): void {
  inflight.get(conversationId)?.abort();
}

export function replyInProgress(conversationId: string): boolean {
  return chains.has(conversationId);
}

async function respond(conversationId: string, customerMessageId: string): Promise<void> {
  const db = await getDb();
  const conv = await db.conversation.findUnique({ where: { id: conversationId }, include: { tenant: { select: { defaultLanguage: true } } } });
  const msg = await db.message.findUnique({ where: { id: customerMessageId } });
  if (!conv || !msg) return;
  // A person owns the conversation (or it waits for one): the bot stays silent.
  if (conv.owner === "agent" || conv.status === "queued" || conv.status === "assigned") return;
  // Already answered (a re-send, or a second tab asked for the pending reply).
  const later = await db.message.findFirst({ where: { conversationId, seq: { gt: msg.seq }, role: { in: ["bot", "agent", "system"] } }, select: { id: true } });
  if (later) return;

  const language = detectLanguage(msg.text) ?? conv.language ?? conv.tenant.defaultLanguage;
  if (language !== conv.language) await db.conversation.update({ where: { id: conversationId }, data: { language } });
  const turn: Turn = { db, tenantId: conv.tenantId, visitorId: conv.visitorId, conversationId, language, replyTo: msg.id, text: msg.text };

  if (asksForHuman(msg.text)) return escalateTurn(turn, "customer_request", "asked for a person");
  const previous = await db.message.findMany({ where: { conversationId, role: "customer", seq: { lt: msg.seq } }, orderBy: { seq: "desc" }, take: 5, select: { text: true } });
  const frustrated = frustrationSignal(msg.text, previous.map((p) => p.text).reverse());
  if (frustrated) return escalateTurn(turn, "frustration", `customer ${frustrated}`);

  const active = await getActiveModel(conv.tenantId).catch((err) => {
    logger.error({ err, tenantId: conv.tenantId }, "tenant model failed to load");
    return null;
  });
  if (!active) {
    await botMessage(turn, t("noModel", language), {});
    return escalateTurn(turn, "no_model", "no published model");
  }
  const chosenKey = (msg.metadata as MessageMeta | null)?.chosenKey;
  const chosen = chosenKey ? active.entries.get(chosenKey) : undefined;
  if (chosen) {
    await logDecision(turn, active, { kind: "answer", candidates: [{ label: chosen.key, confidence: 1 }], reason: "the customer chose this suggestion" });
    await db.conversation.update({ where: { id: conversationId }, data: { unansweredStreak: 0 } });
    return streamAnswer(turn, active, chosen, 1);
  }
  const decision = await active.model.decide(msg.text);
  await logDecision(turn, active, decision);

  if (decision.kind === "answer") {
    const top = decision.candidates[0]!;
    const entry = active.entries.get(top.label);
    if (entry) {
      await db.conversation.update({ where: { id: conversationId }, data: { unansweredStreak: 0 } });
      return streamAnswer(turn, active, entry, top.confidence);
    }
  }
  const streak = conv.unansweredStreak + 1;
  await db.conversation.update({ where: { id: conversationId }, data: { unansweredStreak: streak } });
  if (decision.kind === "suggest") {
    const suggestions = decision.candidates
      .slice(0, 3)
      .map((c) => active.entries.get(c.label))
      .filter((e): e is NonNullable<typeof e> => Boolean(e))
      .map((e) => ({ key: e.key, question: e.question }));
    await botMessage(turn, t("didYouMean", language), { suggestions }, decision.candidates[0]?.confidence ?? null);
    if (streak >= 2) return escalateTurn(turn, "unanswered", "two unanswered questions in a row");
    return;
  }
  await botMessage(turn, t("dontKnow", language), {}, decision.candidates[0]?.confidence ?? null);
  return escalateTurn(turn, "model_handoff", decision.reason);
}

interface Turn {
  db: Db;
  tenantId: string;
  visitorId: string;
  conversationId: string;
  language: string;
  replyTo: string;
  text: string;
}

async function streamAnswer(turn: Turn, active: ActiveModel, entry: { id: string; key: string; question: string; answer: string }, confidence: number) {
  emitToVisitor(turn.visitorId, "bot:typing", { replyTo: turn.replyTo });
  let text = entry.answer;
  if (getModelRuntime().chatAvailable()) {
    const controller = new AbortController();
    inflight.set(turn.conversationId, controller);
    try {
      const history = await turn.db.message.findMany({ where: { conversationId: turn.conversationId, role: { in: ["customer", "bot", "agent"] } }, orderBy: { seq: "desc" }, take: 8, select: { role: true, text: true } });
      const handle = generateReply({
        messages: history.reverse().map((m) => ({ role: m.role as "customer" | "bot" | "agent", text: m.text })),
        passages: [{ key: entry.key, question: entry.question, answer: entry.answer }],
        language: turn.language,
        signal: controller.signal,
        tenantId: turn.tenantId,
        conversationId: turn.conversationId,
      });
      for await (const ev of handle) {
        if (ev.type === "chunk") emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, text: ev.text });
        else if (ev.type === "replace") emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, text: ev.text, replace: true });
      }
      const result = await handle.result;
      // A cancelled reply (a person took over) is not stored: the person answers instead.
      if (result.reason === "cancelled") return;
      text = result.text || entry.answer;
    } finally {
      inflight.delete(turn.conversationId);
    }
  } else {
    emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, text });
  }
  await botMessage(turn, text, { source: { key: entry.key, question: entry.question } }, confidence, entry.id);
  void active;
}

async function botMessage(turn: Turn, text: string, meta: MessageMeta, confidence: number | null = null, faqEntryId: string | null = null): Promise<MessageRow> {
  const row = await appendMessage(turn.db, {
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    role: "bot",
    text,
    confidence,
    faqEntryId,
    metadata: { ...meta, replyTo: turn.replyTo },
  });
  const wire = toWire(row);
  emitToVisitor(turn.visitorId, "bot:done", { replyTo: turn.replyTo, message: wire });
  emitToConversationAgents(turn.conversationId, "conversation:message", { conversationId: turn.conversationId, message: wire });
  return row;
}

async function escalateTurn(turn: Turn, reason: HandoffReason, trigger: string): Promise<void> {
  await escalate({ tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, language: turn.language, reason, trigger });
  emitToTenantAgents(turn.tenantId, "queue:changed", { tenantId: turn.tenantId });
}

async function logDecision(turn: Turn, active: ActiveModel, decision: Decision): Promise<void> {
  const top = decision.candidates[0];
  await turn.db.decision.create({
    data: {
      tenantId: turn.tenantId,
      conversationId: turn.conversationId,
      messageId: turn.replyTo,
      modelVersionId: active.modelVersionId,
      kind: decision.kind,
      faqEntryKey: top?.label ?? null,
      confidence: top?.confidence ?? null,
      reason: decision.reason,
      text: turn.text.slice(0, 2000),
      candidates: decision.candidates.slice(0, 5) as object,
    },
  });
}

// The bot's turn after a customer message: hand-off triggers, the tenant model's decision
// (answer / suggest / hand off), the streamed reply, and the decision log for analytics.
// Replies in one conversation are produced one at a time, in order.
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { detectLanguage } from "@/lib/faq/language";
import { getActiveModel, type ActiveModel } from "@/lib/tenant-models/active-model";
import { generateReply, getModelRuntime } from "@/lib/models";
import type { Decision } from "@/lib/training";
import { appendMessage, toWire, type AppendOptions, type MessageMeta } from "@/lib/chat/conversation-store";
import { t } from "@/lib/chat/strings";
import { emitToConversationAgents, emitToVisitor } from "@/lib/realtime/emit";
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
  // Two reads: the conversation (fresh status: a person may own it now) and its latest messages.
  const [conv, recent] = await Promise.all([
    db.conversation.findUnique({ where: { id: conversationId }, include: { tenant: { select: { defaultLanguage: true } } } }),
    db.message.findMany({ where: { conversationId, role: { not: "note" } }, orderBy: { seq: "desc" }, take: 8 }),
  ]);
  const msg = recent.find((m) => m.id === customerMessageId) ?? (await db.message.findUnique({ where: { id: customerMessageId } }));
  if (!conv || !msg) return;
  // A person owns the conversation (or it waits for one): the bot stays silent.
  if (conv.owner === "agent" || conv.status === "queued" || conv.status === "assigned") return;
  // Already answered (a re-send, or a second tab asked for the pending reply): a bot reply names
  // the question it answers, so a reply to an EARLIER question stored after this one does not count.
  if (recent.some((m) => m.seq > msg.seq && (m.role === "agent" || (m.role === "bot" && (m.metadata as MessageMeta | null)?.replyTo === msg.id)))) return;

  const language = detectLanguage(msg.text) ?? conv.language ?? conv.tenant.defaultLanguage;
  const turn: Turn = { db, tenantId: conv.tenantId, visitorId: conv.visitorId, conversationId, language, replyTo: msg.id, replyToClientId: msg.clientMessageId, text: msg.text };
  // Conversation fields written together with the bot's reply.
  const update: Record<string, unknown> = language !== conv.language ? { language } : {};

  const chosenKey = (msg.metadata as MessageMeta | null)?.chosenKey;
  // A click on a "did you mean" button is an answer to the bot, not a repeated question.
  if (!chosenKey) {
    if (asksForHuman(msg.text)) return escalateTurn(turn, "customer_request", "asked for a person", update);
    const previous = recent.filter((m) => m.role === "customer" && m.seq < msg.seq).map((m) => m.text).reverse();
    const frustrated = frustrationSignal(msg.text, previous);
    if (frustrated) return escalateTurn(turn, "frustration", `customer ${frustrated}`, update);
  }

  const active = await getActiveModel(conv.tenantId).catch((err: unknown) => {
    logger.error({ err, tenantId: conv.tenantId }, "tenant model failed to load");
    return null;
  });
  if (!active) {
    await botMessage(turn, t("noModel", language), {}, { conversation: update });
    return escalateTurn(turn, "no_model", "no published model");
  }

  const chosen = chosenKey ? active.entries.get(chosenKey) : undefined;
  const decision: Decision = chosen
    ? { kind: "answer", candidates: [{ label: chosen.key, confidence: 1 }], reason: "the customer chose this suggestion" }
    : await active.model.decide(msg.text);
  const decisionRow = decisionData(turn, active, decision);

  if (decision.kind === "answer") {
    const top = decision.candidates[0]!;
    const entry = active.entries.get(top.label);
    if (entry) {
      if (conv.unansweredStreak !== 0) update.unansweredStreak = 0;
      return streamAnswer(turn, entry, top.confidence, { conversation: update, decision: decisionRow });
    }
  }
  const streak = conv.unansweredStreak + 1;
  update.unansweredStreak = streak;
  if (decision.kind === "suggest") {
    const suggestions = decision.candidates
      .slice(0, 3)
      .map((c) => active.entries.get(c.label))
      .filter((e): e is NonNullable<typeof e> => Boolean(e))
      .map((e) => ({ key: e.key, question: e.question }));
    await botMessage(turn, t("didYouMean", language), { suggestions }, { conversation: update, decision: decisionRow }, decision.candidates[0]?.confidence ?? null);
    if (streak >= 2) return escalateTurn(turn, "unanswered", "two unanswered questions in a row");
    return;
  }
  await botMessage(turn, t("dontKnow", language), {}, { conversation: update, decision: decisionRow }, decision.candidates[0]?.confidence ?? null);
  return escalateTurn(turn, "model_handoff", decision.reason);
}

interface Turn {
  db: Db;
  tenantId: string;
  visitorId: string;
  conversationId: string;
  language: string;
  replyTo: string;
  replyToClientId: string | null;
  text: string;
}

async function streamAnswer(turn: Turn, entry: { id: string; key: string; question: string; answer: string }, confidence: number, store: AppendOptions) {
  emitToVisitor(turn.visitorId, "bot:typing", { replyTo: turn.replyTo, replyToClientId: turn.replyToClientId });
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
        if (ev.type === "chunk") emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text: ev.text });
        else if (ev.type === "replace") emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text: ev.text, replace: true });
      }
      const result = await handle.result;
      // A cancelled reply (a person took over) is not stored: the person answers instead.
      if (result.reason === "cancelled") return;
      text = result.text || entry.answer;
    } finally {
      inflight.delete(turn.conversationId);
    }
  } else {
    emitToVisitor(turn.visitorId, "bot:delta", { replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text });
  }
  await botMessage(turn, text, { source: { key: entry.key, question: entry.question } }, store, confidence, entry.id);
}

async function botMessage(turn: Turn, text: string, meta: MessageMeta, store: AppendOptions = {}, confidence: number | null = null, faqEntryId: string | null = null): Promise<MessageRow | null> {
  const row = await appendMessage(turn.db, {
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    role: "bot",
    text,
    confidence,
    faqEntryId,
    metadata: { ...meta, replyTo: turn.replyTo },
  }, { ...store, onlyIfBotOwns: true });
  // A person took the conversation over meanwhile: the bot's reply is dropped.
  if (!row) return null;
  const wire = toWire(row);
  emitToVisitor(turn.visitorId, "bot:done", { replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, message: wire });
  emitToConversationAgents(turn.conversationId, "conversation:message", { conversationId: turn.conversationId, message: wire });
  return row;
}

async function escalateTurn(turn: Turn, reason: HandoffReason, trigger: string, update: Record<string, unknown> = {}): Promise<void> {
  if (Object.keys(update).length > 0) await turn.db.conversation.update({ where: { id: turn.conversationId }, data: update });
  await escalate({ tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, language: turn.language, reason, trigger });
}

/** The decision log row (stored with the bot's reply, in the same transaction). */
function decisionData(turn: Turn, active: ActiveModel, decision: Decision) {
  const top = decision.candidates[0];
  return {
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    messageId: turn.replyTo,
    modelVersionId: active.modelVersionId,
    kind: decision.kind,
    faqEntryKey: top?.label ?? null,
    confidence: top?.confidence ?? null,
    reason: decision.reason,
    text: turn.text.slice(0, 2000),
    candidates: decision.candidates.slice(0, 5),
  };
}

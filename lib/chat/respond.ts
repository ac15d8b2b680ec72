// The bot's turn after a customer message: hand-off triggers, the tenant model's decision
// (answer / suggest / hand off), the streamed reply, and the decision log for analytics.
// Replies in one conversation are produced one at a time, in order.
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { getActiveModel, type ActiveModel } from "@/lib/tenant-models/active-model";
import { generateReply, getModelRuntime } from "@/lib/models";
import { chooseCandidate, clarifyingQuestion } from "@/lib/models/clarify";
import type { Decision } from "@/lib/training";
import { appendMessage, toWire, type AppendOptions, type MessageMeta } from "@/lib/chat/conversation-store";
import { t } from "@/lib/chat/strings";
import { publish } from "@/lib/events/bus";
import { escalate } from "@/lib/handoff/escalate";
import type { HandoffReason } from "@/lib/handoff/queue";
import { normalizeText } from "@/lib/training";
import { thresholdFor } from "@/lib/training/answer-model";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { decideTurn, type PriorTurn, type TurnDecision } from "@/lib/dialogue/decide-turn";
import { CHOSEN_SUGGESTION_REASON, handoffFor, isUnanswered } from "@/lib/dialogue/policy";
import { OFFERS_PERSON } from "@/lib/dialogue/smalltalk";
import { smallTalkReply, unansweredText } from "@/lib/dialogue/replies";
import { documentsMayAnswer, findKnowledgeReply, type KnowledgeReply } from "@/lib/knowledge/reply";

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
    db.conversation.findUnique({ where: { id: conversationId }, include: { tenant: { select: { defaultLanguage: true, name: true, settings: true } } } }),
    db.message.findMany({ where: { conversationId, role: { not: "note" } }, orderBy: { seq: "desc" }, take: 12 }),
  ]);
  const msg = recent.find((m) => m.id === customerMessageId) ?? (await db.message.findUnique({ where: { id: customerMessageId } }));
  if (!conv || !msg) return;
  // A person owns the conversation (or it waits for one): the bot stays silent.
  if (conv.owner === "agent" || conv.status === "queued" || conv.status === "assigned") return;
  // Already answered (a re-send, or a second tab asked for the pending reply): a bot reply names
  // the question it answers, so a reply to an EARLIER question stored after this one does not count.
  if (recent.some((m) => m.seq > msg.seq && (m.role === "agent" || (m.role === "bot" && (m.metadata as MessageMeta | null)?.replyTo === msg.id)))) return;

  const settings = readTenantSettings(conv.tenant.settings);
  const active = await getActiveModel(conv.tenantId).catch((err: unknown) => {
    logger.error({ err, tenantId: conv.tenantId }, "tenant model failed to load");
    return null;
  });
  const chosenKey = (msg.metadata as MessageMeta | null)?.chosenKey;
  const history: PriorTurn[] = recent
    .filter((m) => m.seq < msg.seq)
    .reverse()
    .map((m) => {
      const meta = (m.metadata ?? {}) as MessageMeta;
      return { role: m.role as PriorTurn["role"], text: m.text, faqKey: meta.source?.key ?? null, turnKind: meta.turn ?? (meta.source ? "answer" : meta.suggestions?.length ? "suggest" : null), suggestions: meta.suggestions?.map((s) => s.key) };
    });
  // A click on a "did you mean" button is an answer to the bot, not a new question.
  const d: TurnDecision | null = chosenKey
    ? null
    : await decideTurn(
        { text: msg.text, history, conversationLanguage: conv.language, defaultLanguage: conv.tenant.defaultLanguage, threshold: thresholdFor(settings.targetWrongRate) },
        active?.knowledge ?? null,
      );
  const language = d?.language ?? conv.language ?? conv.tenant.defaultLanguage;
  const turn: Turn = { db, tenantId: conv.tenantId, visitorId: conv.visitorId, conversationId, language, replyTo: msg.id, replyToClientId: msg.clientMessageId, text: msg.text };
  // Conversation fields written together with the bot's reply.
  const update: Record<string, unknown> = language !== conv.language ? { language } : {};

  if (d?.kind === "human") {
    // Logged, so analytics never counts a customer who wanted a person as settled by the bot
    // (with nobody on duty there is no hand-off row, only the offline form).
    if (active) await db.decision.create({ data: { ...turnDecisionData(turn, active, "human", "the customer asked for a person"), candidates: [] } });
    return escalateTurn(turn, "customer_request", d.inWriting ? "asked to be written to" : "asked for a person", update, d.inWriting);
  }
  if (d?.kind === "smalltalk") {
    const reply = smallTalkReply(d.intent, language, settings, conv.tenant.name, active?.knowledge ?? null);
    await botMessage(turn, reply, { turn: "smalltalk", intent: d.intent, offerPerson: OFFERS_PERSON.has(d.intent) || undefined }, { conversation: update, decision: active ? turnDecisionData(turn, active, "smalltalk", `small talk (${d.intent})`) : undefined });
    return;
  }
  if (!active) {
    // No FAQ model yet: the documents may still answer (the relevance gate decides).
    const fromDocs = await knowledgeFor(turn, msg.text, false);
    if (fromDocs) return streamKnowledgeAnswer(turn, fromDocs, { conversation: update });
    await botMessage(turn, t("noModel", language), {}, { conversation: update });
    return shouting(msg.text) ? escalateTurn(turn, "frustration", "customer wrote in capitals") : escalateTurn(turn, "no_model", "no published model");
  }

  // The same question again (after an answer or not): what the bot said did not help.
  const previous = recent.filter((m) => m.role === "customer" && m.seq < msg.seq).map((m) => m.text).reverse();
  const repeated = !chosenKey && d?.kind !== "offtopic" && repeatsQuestion(msg.text, previous);
  if (repeated) {
    if (d && isUnanswered(d)) update.unansweredStreak = conv.unansweredStreak + 1;
    return escalateTurn(turn, "frustration", "customer repeated the question", update);
  }

  if (chosenKey || d?.kind === "answer") {
    const entry = active.entries.get(chosenKey ?? (d as { key: string }).key);
    if (entry) {
      const decision: Decision = d?.kind === "answer" ? d.understanding : { kind: "answer", candidates: [{ label: entry.key, confidence: 1 }], reason: CHOSEN_SUGGESTION_REASON };
      if (conv.unansweredStreak !== 0) update.unansweredStreak = 0;
      return streamAnswer(turn, entry, decision.candidates[0]?.confidence ?? 1, { conversation: update, decision: decisionData(turn, active, decision) });
    }
  }
  if (!d || d.kind === "answer") return;

  // Not sure which entry is meant, and a chat model is loaded: it may pick one of the candidates
  // (answered under the grounding guard, as any generated answer), else it asks a clarifying
  // question below.
  const chatModel = d.kind === "suggest" && getModelRuntime().chatAvailable();
  const candidates = d.kind === "suggest" ? d.keys.map((k) => active.entries.get(k)).filter((e): e is NonNullable<typeof e> => Boolean(e)) : [];
  const forModel = chatModel ? await conversationForModel(turn) : [];
  if (d.kind === "suggest" && chatModel && candidates.length > 0 && (d.understanding.probability ?? 0) >= CHAT_CHOICE_MIN_P) {
    const choice = await chooseCandidate({ messages: forModel, candidates, language, tenantId: turn.tenantId });
    const entry = choice === null ? undefined : candidates[choice];
    if (entry) {
      if (conv.unansweredStreak !== 0) update.unansweredStreak = 0;
      const decision: Decision = { ...d.understanding, kind: "answer", candidates: [{ label: entry.key, confidence: d.understanding.candidates.find((c) => c.label === entry.key)?.confidence ?? 0 }, ...d.understanding.candidates.filter((c) => c.label !== entry.key)], reason: `the chat model chose "${entry.key}" among ${candidates.length} candidates (${d.understanding.reason})` };
      return streamAnswer(turn, entry, decision.candidates[0]?.confidence ?? 0, { conversation: update, decision: decisionData(turn, active, decision) });
    }
  }

  // No FAQ entry answers: the tenant's documents may (lib/knowledge/reply.ts says for which
  // decisions, and how strictly). Off-topic requests by their words never reach the documents.
  const docs = documentsMayAnswer(d);
  if (docs) {
    const fromDocs = await knowledgeFor(turn, msg.text, docs.strict);
    if (fromDocs) {
      if (conv.unansweredStreak !== 0) update.unansweredStreak = 0;
      const reason = `answered from the document "${fromDocs.source.question}" (relevance ${fromDocs.answer.best.relevance.toFixed(2)}; the FAQ model said ${d.kind})`;
      return streamKnowledgeAnswer(turn, fromDocs, { conversation: update, decision: decisionData(turn, active, { kind: "answer", candidates: [], reason }) });
    }
  }

  const shouted = !(d.kind === "offtopic" && d.marker) && shouting(msg.text);
  const policy = { unknownToQueue: settings.unknownToQueue, offTopicToQueue: settings.offTopicToQueue };
  const queueReason = shouted ? "frustration" : handoffFor(d, conv.unansweredStreak, policy);
  if (isUnanswered(d)) update.unansweredStreak = conv.unansweredStreak + 1;

  if (d.kind === "offtopic") {
    // Logged as "offtopic" when clearly off-topic; otherwise as an unanswered question ("handoff"),
    // which analytics lists as a possible gap in the FAQ.
    const kind = d.marker ? "offtopic" : "handoff";
    const row = d.understanding ? decisionData(turn, active, { ...d.understanding, kind: "handoff" }, kind, d.reason) : turnDecisionData(turn, active, kind, d.reason);
    // A request that is clearly not for this business is declined; a message the FAQ merely does not
    // resemble gets the honest "I don't have an answer" — both with the offer of a person.
    const text = unansweredText(settings, active.knowledge, language, { offTopic: d.marker, queued: Boolean(queueReason) });
    await botMessage(turn, text, { turn: "offtopic", offerPerson: queueReason ? undefined : true }, { conversation: update, decision: row });
  } else if (d.kind === "suggest") {
    const suggestions = candidates.map((e) => ({ key: e.key, question: e.question }));
    // With a chat model, one natural question instead of a bare "Did you mean:" (the choices stay).
    const question = chatModel && !queueReason ? await clarifyingQuestion({ messages: forModel, candidates, language, tenantId: turn.tenantId }) : null;
    await botMessage(turn, question ?? t("didYouMean", language), { turn: "suggest", suggestions, offerPerson: true }, { conversation: update, decision: decisionData(turn, active, d.understanding) }, d.understanding.candidates[0]?.confidence ?? null);
  } else {
    await botMessage(turn, unansweredText(settings, active.knowledge, language, { offTopic: false, queued: Boolean(queueReason) }), { turn: "unknown", offerPerson: queueReason ? undefined : true }, { conversation: update, decision: decisionData(turn, active, { ...d.understanding, kind: "handoff" }) }, d.understanding.candidates[0]?.confidence ?? null);
  }
  if (queueReason) {
    const trigger = shouted ? "customer wrote in capitals" : queueReason === "unanswered" ? "two unanswered questions in a row" : queueReason === "off_topic" ? "off-topic message (tenant setting)" : "the bot has no answer";
    return escalateTurn(turn, queueReason, trigger);
  }
}

const norm = (text: string) => normalizeText(text);

/** The chat model's choice among the candidates counts only when the tenant model finds the best one plausible. */
const CHAT_CHOICE_MIN_P = 0.3;

async function conversationForModel(turn: Turn): Promise<Array<{ role: "customer" | "bot" | "agent"; text: string }>> {
  const rows = await turn.db.message.findMany({ where: { conversationId: turn.conversationId, role: { in: ["customer", "bot", "agent"] } }, orderBy: { seq: "desc" }, take: 8, select: { role: true, text: true } });
  return rows.reverse().map((m) => ({ role: m.role as "customer" | "bot" | "agent", text: m.text }));
}

/** An unanswered question shouted in capitals with "!": an upset customer, better with a person. */
function shouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, "");
  return letters.length >= 8 && letters === letters.toUpperCase() && /!/.test(text);
}

function repeatsQuestion(text: string, previous: string[]): boolean {
  const n = norm(text);
  return n.length >= 8 && previous.slice(-3).some((p) => norm(p) === n);
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

async function knowledgeFor(turn: Turn, question: string, strict: boolean): Promise<KnowledgeReply | null> {
  return findKnowledgeReply({ tenantId: turn.tenantId, question, language: turn.language, strict }).catch((err: unknown) => {
    logger.error({ err, tenantId: turn.tenantId }, "knowledge lookup failed");
    return null;
  });
}

/** A reply from a document: the quote (or, with a chat model, an answer grounded on the passages) and its source link. */
function streamKnowledgeAnswer(turn: Turn, reply: KnowledgeReply, store: AppendOptions) {
  return streamGrounded(turn, reply.passages, { source: reply.source }, store, reply.answer.best.relevance, null);
}

function streamAnswer(turn: Turn, entry: { id: string; key: string; question: string; answer: string }, confidence: number, store: AppendOptions) {
  return streamGrounded(turn, [{ key: entry.key, question: entry.question, answer: entry.answer }], { source: { key: entry.key, question: entry.question } }, store, confidence, entry.id);
}

/** Streams a reply grounded on `passages`; without a chat model (or when its answer strays) it is the first passage's text. */
async function streamGrounded(turn: Turn, passages: Array<{ key: string; question: string; answer: string }>, meta: MessageMeta, store: AppendOptions, confidence: number, faqEntryId: string | null) {
  publish("reply.started", { tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, replyTo: turn.replyTo, replyToClientId: turn.replyToClientId });
  const entry = passages[0];
  let text = entry.answer;
  if (getModelRuntime().chatAvailable()) {
    const controller = new AbortController();
    inflight.set(turn.conversationId, controller);
    try {
      const handle = generateReply({
        messages: await conversationForModel(turn),
        passages,
        language: turn.language,
        signal: controller.signal,
        tenantId: turn.tenantId,
        conversationId: turn.conversationId,
      });
      for await (const ev of handle) {
        if (ev.type === "chunk") publish("reply.delta", { tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text: ev.text });
        else if (ev.type === "replace") publish("reply.delta", { tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text: ev.text, replace: true });
      }
      const result = await handle.result;
      // A cancelled reply (a person took over) is not stored: the person answers instead.
      if (result.reason === "cancelled") return;
      text = result.text || entry.answer;
    } finally {
      inflight.delete(turn.conversationId);
    }
  } else {
    publish("reply.delta", { tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, replyTo: turn.replyTo, replyToClientId: turn.replyToClientId, text });
  }
  await botMessage(turn, text, meta, store, confidence, faqEntryId);
}

async function botMessage(turn: Turn, text: string, meta: MessageMeta, store: AppendOptions = {}, confidence: number | null = null, faqEntryId: string | null = null): Promise<MessageRow | null> {
  const row = await appendMessage(turn.db, {
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    role: "bot",
    text,
    confidence,
    faqEntryId,
    metadata: { ...meta, replyTo: turn.replyTo, language: turn.language },
  }, { ...store, onlyIfBotOwns: true });
  // A person took the conversation over meanwhile: the bot's reply is dropped.
  if (!row) return null;
  const wire = toWire(row);
  publish("message.created", { tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, message: wire, replyTo: { id: turn.replyTo, clientMessageId: turn.replyToClientId } });
  return row;
}

async function escalateTurn(turn: Turn, reason: HandoffReason, trigger: string, update: Record<string, unknown> = {}, inWriting = false): Promise<void> {
  if (Object.keys(update).length > 0) await turn.db.conversation.update({ where: { id: turn.conversationId }, data: update });
  await escalate({ tenantId: turn.tenantId, conversationId: turn.conversationId, visitorId: turn.visitorId, language: turn.language, reason, trigger, inWriting });
}

/** The decision log row (stored with the bot's reply, in the same transaction). */
function decisionData(turn: Turn, active: ActiveModel, decision: Decision, kind: string = decision.kind, reason: string = decision.reason) {
  const top = decision.candidates[0];
  return {
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    messageId: turn.replyTo,
    modelVersionId: active.modelVersionId,
    kind,
    faqEntryKey: kind === "offtopic" ? null : (top?.label ?? null),
    confidence: top?.confidence ?? null,
    reason,
    text: turn.text.slice(0, 2000),
    candidates: decision.candidates.slice(0, 5),
  };
}

/** A decision row for turns the FAQ model did not decide (small talk, off-topic by marker). */
function turnDecisionData(turn: Turn, active: ActiveModel, kind: string, reason: string) {
  return decisionData(turn, active, { kind: "handoff", candidates: [], reason }, kind, reason);
}

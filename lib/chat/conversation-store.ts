// Conversations and their messages as the chat stores them: one open conversation per visitor,
// messages numbered by a per-conversation sequence (so a reconnecting widget asks for "after N"),
// and customer messages stored at most once per client message id.
import { isUniqueViolation, type Db } from "@/lib/db";
import type { WireMessage, WireSource } from "@/lib/chat/protocol";

type MessageRow = Awaited<ReturnType<Db["message"]["create"]>>;

export interface NewMessage {
  tenantId: string;
  conversationId: string;
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  clientMessageId?: string | null;
  authorId?: string | null;
  faqEntryId?: string | null;
  confidence?: number | null;
  metadata?: MessageMeta;
}

/** What the widget needs beyond the columns: source chip, suggestions, notices, author name. */
export interface MessageMeta {
  source?: WireSource | null;
  suggestions?: WireSource[];
  kind?: WireMessage["kind"];
  authorName?: string | null;
  /** The customer message a bot reply answers. */
  replyTo?: string;
  /** On a customer message sent by choosing a "did you mean" button: the chosen entry. */
  chosenKey?: string;
}

/** The visitor's current conversation (not closed), or null. */
export function currentConversation(db: Db, tenantId: string, visitorId: string) {
  return db.conversation.findFirst({ where: { tenantId, visitorId, status: { not: "closed" } }, orderBy: { createdAt: "desc" } });
}

const g2 = globalThis as unknown as { __faqbotEnsure?: Map<string, Promise<unknown>> };
const ensuring = (g2.__faqbotEnsure ??= new Map());

/**
 * The visitor's current conversation, created if there is none. Serialised per visitor, so two
 * first messages at the same moment (two tabs, a message and a handoff request) share one.
 */
export function ensureConversation(db: Db, tenantId: string, visitorId: string, language: string | null) {
  type Conv = NonNullable<Awaited<ReturnType<typeof currentConversation>>>;
  const prev = (ensuring.get(visitorId) ?? Promise.resolve()) as Promise<unknown>;
  const next: Promise<Conv> = prev
    .catch(() => undefined)
    .then(async () => (await currentConversation(db, tenantId, visitorId)) ?? db.conversation.create({ data: { tenantId, visitorId, language } }));
  ensuring.set(visitorId, next);
  void next.finally(() => {
    if (ensuring.get(visitorId) === next) ensuring.delete(visitorId);
  }).catch(() => undefined);
  return next;
}

// Sequence numbers: the last seq of recently active conversations is cached, and a message is
// written together with a compare-and-swap on Conversation.lastSeq in one batch transaction. If
// another writer (another instance, a stale cache) got there first, the swap fails, the batch rolls
// back, and we retry with the fresh value. One round trip in the common case, exact across instances.
const g = globalThis as unknown as { __faqbotSeq?: Map<string, number> };
const seqCache = (g.__faqbotSeq ??= new Map());
const SEQ_CACHE_MAX = 50_000;

function rememberSeq(conversationId: string, seq: number) {
  seqCache.delete(conversationId);
  seqCache.set(conversationId, seq);
  if (seqCache.size > SEQ_CACHE_MAX) seqCache.delete(seqCache.keys().next().value as string);
}

function isSwapLost(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "P2025" || isUniqueViolation(e, { model: "Message", fields: ["conversationId", "seq"] });
}

const BOT_OWNS = { owner: "bot", status: { notIn: ["queued", "assigned"] } };

export interface AppendOptions {
  /** Other conversation fields to change in the same transaction (status, streak, language…). */
  conversation?: Record<string, unknown>;
  /** A decision row to store in the same transaction (the bot's reply and its decision). */
  decision?: Record<string, unknown>;
  /**
   * Bot replies: store only while the bot still owns the conversation. A person may take it over
   * (on any instance) while a reply is being generated; then the reply is dropped (returns null).
   */
  onlyIfBotOwns?: boolean;
}

/** Appends a message with the next sequence number (and optional same-transaction changes). */
export async function appendMessage(db: Db, m: NewMessage, opts: AppendOptions & { onlyIfBotOwns: true }): Promise<MessageRow | null>;
export async function appendMessage(db: Db, m: NewMessage, opts?: AppendOptions): Promise<MessageRow>;
export async function appendMessage(db: Db, m: NewMessage, opts: AppendOptions = {}): Promise<MessageRow | null> {
  for (let attempt = 0; ; attempt++) {
    let last = seqCache.get(m.conversationId);
    if (last === undefined) {
      const c = await db.conversation.findUnique({ where: { id: m.conversationId }, select: { lastSeq: true } });
      if (!c) throw new Error(`conversation ${m.conversationId} not found`);
      last = c.lastSeq;
    }
    const seq = last + 1;
    const ops = [
      db.conversation.update({ where: { id: m.conversationId, lastSeq: last, ...(opts.onlyIfBotOwns ? BOT_OWNS : {}) }, data: { lastSeq: seq, ...(opts.conversation ?? {}) }, select: { id: true } }),
      db.message.create({
        data: {
          tenantId: m.tenantId,
          conversationId: m.conversationId,
          seq,
          role: m.role,
          text: m.text,
          clientMessageId: m.clientMessageId ?? null,
          authorId: m.authorId ?? null,
          faqEntryId: m.faqEntryId ?? null,
          confidence: m.confidence ?? null,
          metadata: (m.metadata ?? {}) as object,
        },
      }),
      ...(opts.decision ? [db.decision.create({ data: opts.decision as never })] : []),
    ];
    try {
      const [, row] = await db.$transaction(ops as never[]);
      rememberSeq(m.conversationId, seq);
      return row as MessageRow;
    } catch (e) {
      seqCache.delete(m.conversationId);
      if (opts.onlyIfBotOwns && isSwapLost(e)) {
        const c = await db.conversation.findUnique({ where: { id: m.conversationId }, select: { owner: true, status: true } });
        if (!c || c.owner !== "bot" || c.status === "queued" || c.status === "assigned") return null;
      }
      if (attempt < 8 && isSwapLost(e)) continue;
      throw e;
    }
  }
}

/**
 * Stores a customer message once: a repeated client message id (a re-send after a reconnect)
 * returns the stored row with duplicate = true.
 */
export async function appendCustomerMessage(db: Db, m: NewMessage & { clientMessageId: string }, opts: { checked?: boolean } = {}): Promise<{ message: MessageRow; duplicate: boolean }> {
  if (!opts.checked) {
    const existing = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId: m.conversationId, clientMessageId: m.clientMessageId } } });
    if (existing) return { message: existing, duplicate: true };
  }
  try {
    return { message: await appendMessage(db, m), duplicate: false };
  } catch (e) {
    if (isUniqueViolation(e, { model: "Message", fields: ["conversationId", "clientMessageId"] })) {
      const row = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId: m.conversationId, clientMessageId: m.clientMessageId } } });
      if (row) return { message: row, duplicate: true };
    }
    throw e;
  }
}

export function messagesAfter(db: Db, conversationId: string, afterSeq: number, limit = 500) {
  return db.message.findMany({ where: { conversationId, seq: { gt: afterSeq }, role: { not: "note" } }, orderBy: { seq: "asc" }, take: limit });
}

export function toWire(m: MessageRow): WireMessage {
  const meta = (m.metadata ?? {}) as MessageMeta;
  return {
    id: m.id,
    seq: m.seq,
    role: m.role as WireMessage["role"],
    text: m.text,
    clientMessageId: m.clientMessageId,
    createdAt: m.createdAt.toISOString(),
    source: meta.source ?? null,
    suggestions: meta.suggestions ?? [],
    confidence: m.confidence,
    feedback: m.feedback,
    authorName: meta.authorName ?? null,
    kind: meta.kind ?? null,
  };
}


// Conversations and their messages as the chat stores them: one open conversation per visitor,
// messages numbered by a per-conversation sequence (so a reconnecting widget asks for "after N"),
// and customer messages stored at most once per client message id.
import { isUniqueViolation, type Db } from "@/lib/db";
import type { WireMessage, WireSource } from "@/lib/chat/protocol";
import { publish } from "@/lib/events/bus";
import { env } from "@/lib/env";
import { messageWriter, type MessageWriter } from "@/lib/chat/message-writer";
import { signedAttachmentUrl } from "@/lib/attachments/signed-url";

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

/** A file a message carries (lib/attachments); its link is signed when the message is sent out. */
export interface AttachmentMeta {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** What the widget needs beyond the columns: source chip, suggestions, notices, author name. */
export interface MessageMeta {
  /** An image or PDF the customer or the agent sent. */
  attachment?: AttachmentMeta;
  source?: WireSource | null;
  suggestions?: WireSource[];
  kind?: WireMessage["kind"];
  authorName?: string | null;
  /** The customer message a bot reply answers. */
  replyTo?: string;
  /** On a customer message sent by choosing a "did you mean" button: the chosen entry. */
  chosenKey?: string;
  /** On bot replies: what kind of turn it was (answer, suggest, smalltalk, offtopic, unknown). */
  turn?: string;
  /** Small-talk intent of the customer message answered. */
  intent?: string;
  /** Show a "talk to a person" button under this reply. */
  offerPerson?: boolean;
  /** Language of a bot reply (labels around it follow it). */
  language?: string;
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
 * `beforeCreate` runs only when a new conversation is about to start (and may refuse it).
 */
export function ensureConversation(db: Db, tenantId: string, visitorId: string, language: string | null, beforeCreate?: () => Promise<void>) {
  type Conv = NonNullable<Awaited<ReturnType<typeof currentConversation>>>;
  const prev = (ensuring.get(visitorId) ?? Promise.resolve()) as Promise<unknown>;
  const next: Promise<Conv> = prev
    .catch(() => undefined)
    .then(async () => {
      const current = await currentConversation(db, tenantId, visitorId);
      if (current) return current;
      await beforeCreate?.();
      return createConversation(db, tenantId, visitorId, language);
    });
  ensuring.set(visitorId, next);
  void next.finally(() => {
    if (ensuring.get(visitorId) === next) ensuring.delete(visitorId);
  }).catch(() => undefined);
  return next;
}

async function createConversation(db: Db, tenantId: string, visitorId: string, language: string | null) {
  const conv = await db.conversation.create({ data: { tenantId, visitorId, language } });
  publish("conversation.created", { tenantId, conversationId: conv.id, visitorId, language });
  return conv;
}

// Sequence numbers: Conversation.lastSeq is incremented atomically (UPDATE … SET lastSeq = lastSeq
// + 1) in the same transaction that inserts the message. On PostgreSQL the UPDATE holds the
// conversation's row lock until commit, and SQLite runs one write transaction at a time, so
// simultaneous writers queue for the counter instead of racing for it: no two get the same number
// and nobody runs out of retries. A counter found behind the stored messages (rows written
// without it) is moved up to the highest seq, and the write is tried again.

const BOT_OWNS = { owner: "bot", status: { notIn: ["queued", "assigned"] } };

/** Waiting for the counter's row lock is expected under load; a short default would fail writes. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

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

const isSeqTaken = (e: unknown) => isUniqueViolation(e, { model: "Message", fields: ["conversationId", "seq"] });
const isNoMatch = (e: unknown) => (e as { code?: string } | null)?.code === "P2025";

/**
 * Appends a message with the next sequence number (and optional same-transaction changes). It
 * resolves once the message is durable: written with others in one batch by the message writer
 * (group commit, message-writer.ts), or alone through the ORM when that is turned off.
 */
export async function appendMessage(db: Db, m: NewMessage, opts: AppendOptions & { onlyIfBotOwns: true }): Promise<MessageRow | null>;
export async function appendMessage(db: Db, m: NewMessage, opts?: AppendOptions): Promise<MessageRow>;
export async function appendMessage(db: Db, m: NewMessage, opts: AppendOptions = {}): Promise<MessageRow | null> {
  const writer = groupCommit(db);
  if (writer) return (await writer.append(m, opts, false)).row;
  return appendWithOrm(db, m, opts);
}

function groupCommit(db: Db): MessageWriter | null {
  return env().CHAT_GROUP_COMMIT ? messageWriter(db) : null;
}

async function appendWithOrm(db: Db, m: NewMessage, opts: AppendOptions): Promise<MessageRow | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { lastSeq: seq } = await tx.conversation.update({
          where: { id: m.conversationId, ...(opts.onlyIfBotOwns ? BOT_OWNS : {}) },
          data: { lastSeq: { increment: 1 }, ...(opts.conversation ?? {}) },
          select: { lastSeq: true },
        });
        const row = await tx.message.create({
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
        });
        if (opts.decision) await tx.decision.create({ data: opts.decision as never });
        return row;
      }, TX_OPTIONS);
    } catch (e) {
      if (isNoMatch(e)) {
        // No such conversation, or (onlyIfBotOwns) a person owns it now: the reply is dropped.
        if (opts.onlyIfBotOwns && (await db.conversation.count({ where: { id: m.conversationId } })) === 1) return null;
        throw new Error(`conversation ${m.conversationId} not found`, { cause: e });
      }
      if (isSeqTaken(e) && attempt < 3) {
        await resyncCounter(db, m.conversationId);
        continue;
      }
      throw e;
    }
  }
}

/** Moves Conversation.lastSeq up to the highest stored seq (never down). */
async function resyncCounter(db: Db, conversationId: string): Promise<void> {
  const agg = await db.message.aggregate({ where: { conversationId }, _max: { seq: true } });
  const max = agg._max.seq ?? 0;
  await db.conversation.updateMany({ where: { id: conversationId, lastSeq: { lt: max } }, data: { lastSeq: max } });
}

/**
 * Stores a customer message once: a repeated client message id (a re-send after a reconnect)
 * returns the stored row with duplicate = true.
 */
export async function appendCustomerMessage(db: Db, m: NewMessage & { clientMessageId: string }, opts: { checked?: boolean } = {}): Promise<{ message: MessageRow; duplicate: boolean }> {
  const writer = groupCommit(db);
  if (writer) {
    const { row, duplicate } = await writer.append(m, {}, true);
    return { message: row!, duplicate };
  }
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

/** The customer message stored under this client id, or null (the check before a message is stored). */
export async function findCustomerMessage(db: Db, conversationId: string, clientMessageId: string): Promise<MessageRow | null> {
  const writer = groupCommit(db);
  if (writer) {
    const id = await writer.findClientMessage(conversationId, clientMessageId);
    return id ? db.message.findUnique({ where: { id } }) : null;
  }
  return db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId, clientMessageId } } });
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
    language: meta.language ?? null,
    offerPerson: meta.offerPerson ?? false,
    ...(meta.attachment ? { attachment: { ...meta.attachment, url: signedAttachmentUrl(meta.attachment.id) } } : {}),
  };
}


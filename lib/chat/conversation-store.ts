// Conversations and their messages as the chat stores them: one open conversation per visitor,
// messages numbered by a per-conversation sequence (so a reconnecting widget asks for "after N"),
// and customer messages stored at most once per client message id.
import { isUniqueViolation, type Db } from "@/lib/db";
import type { WireMessage, WireSource } from "@/lib/chat/protocol";

type MessageRow = Awaited<ReturnType<Db["message"]["create"]>>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

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

export async function ensureConversation(db: Db, tenantId: string, visitorId: string, language: string | null) {
  return (await currentConversation(db, tenantId, visitorId)) ?? db.conversation.create({ data: { tenantId, visitorId, language } });
}

/** Appends a message with the next sequence number, in the caller's transaction when given. */
export async function appendMessage(db: Db | Tx, m: NewMessage): Promise<MessageRow> {
  const run = async (tx: Tx) => {
    const c = await tx.conversation.update({ where: { id: m.conversationId }, data: { lastSeq: { increment: 1 } }, select: { lastSeq: true } });
    return tx.message.create({
      data: {
        tenantId: m.tenantId,
        conversationId: m.conversationId,
        seq: c.lastSeq,
        role: m.role,
        text: m.text,
        clientMessageId: m.clientMessageId ?? null,
        authorId: m.authorId ?? null,
        faqEntryId: m.faqEntryId ?? null,
        confidence: m.confidence ?? null,
        metadata: (m.metadata ?? {}) as object,
      },
    });
  };
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db as Tx);
}

/**
 * Stores a customer message once: a repeated client message id (a re-send after a reconnect)
 * returns the stored row with duplicate = true.
 */
export async function appendCustomerMessage(db: Db, m: NewMessage & { clientMessageId: string }): Promise<{ message: MessageRow; duplicate: boolean }> {
  const existing = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId: m.conversationId, clientMessageId: m.clientMessageId } } });
  if (existing) return { message: existing, duplicate: true };
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


// Owns the data-access export: everything stored about one visitor, as one JSON document.
// Included: the visitor row, their conversations with every customer-facing message (customer,
// bot, agent and system messages, with feedback), the bot's decisions on their questions,
// hand-offs (reason and times), ratings and offline tickets. Left out: agents' internal notes
// (staff working notes, not messages exchanged with the visitor) and agents' identities beyond
// the fact that a person answered.
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { TenantDb } from "@/lib/tenancy/guard";
import type { MessageMeta } from "@/lib/chat/conversation-store";
import { attachmentStorage } from "@/lib/attachments/storage";

export const EXPORT_NOTE =
  "Everything this service stores about the visitor: profile, conversations with all messages exchanged with them (including thumbs up/down, and the FAQ entry or help-centre document each bot answer came from), the bot's decisions on their questions, hand-offs to people, ratings, files sent in the conversations (with their content) and offline messages. Agents' internal notes are not included.";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** What a bot answer was taken from: an FAQ entry (key, question) or a knowledge document (title, link). */
function sourceOf(metadata: unknown) {
  const s = (metadata as MessageMeta | null)?.source;
  if (!s) return null;
  return s.kind === "document" ? { document: s.question, url: s.url ?? null } : { faqEntry: s.key, question: s.question };
}

export async function exportVisitor(db: TenantDb, visitorId: string, actor: { id: string }) {
  const visitor = await db.visitor.findFirst({ where: { id: visitorId } });
  if (!visitor) throw new AppError("not_found", "Visitor not found.");
  const conversations = await db.conversation.findMany({
    where: { visitorId },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { where: { role: { not: "note" } }, orderBy: { seq: "asc" } },
      decisions: { orderBy: { createdAt: "asc" } },
      handoffs: { orderBy: { queuedAt: "asc" } },
      ratings: { orderBy: { createdAt: "asc" } },
      attachments: { orderBy: { createdAt: "asc" } },
    },
  });
  const tickets = await db.offlineTicket.findMany({
    where: { OR: [{ visitorId }, ...(conversations.length ? [{ conversationId: { in: conversations.map((c) => c.id) } }] : [])] },
    orderBy: { createdAt: "asc" },
  });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "privacy.visitor_export", target: visitorId, details: { conversations: conversations.length } }, db);
  return {
    exportedAt: new Date().toISOString(),
    about: EXPORT_NOTE,
    visitor: { id: visitor.id, customerId: visitor.externalId, verifiedAt: iso(visitor.verifiedAt), email: visitor.email, name: visitor.name, language: visitor.language, metadata: visitor.metadata, createdAt: iso(visitor.createdAt), lastSeenAt: iso(visitor.lastSeenAt) },
    conversations: await Promise.all(conversations.map(async (c) => ({
      id: c.id,
      status: c.status,
      language: c.language,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      resolvedAt: iso(c.resolvedAt),
      messages: c.messages.map((m) => ({ seq: m.seq, role: m.role, text: m.text, feedback: m.feedback, source: sourceOf(m.metadata), createdAt: iso(m.createdAt) })),
      decisions: c.decisions.map((d) => ({ question: d.text, kind: d.kind, faqEntryKey: d.faqEntryKey, confidence: d.confidence, createdAt: iso(d.createdAt) })),
      handoffs: c.handoffs.map((h) => ({ reason: h.reason, status: h.status, queuedAt: iso(h.queuedAt), claimedAt: iso(h.claimedAt), firstResponseAt: iso(h.firstResponseAt), resolvedAt: iso(h.resolvedAt) })),
      ratings: c.ratings.map((r) => ({ score: r.score, comment: r.comment, createdAt: iso(r.createdAt) })),
      // Each file with its content (base64), so the export holds everything sent in the conversation.
      attachments: await Promise.all(c.attachments.map(async (a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.size, sentBy: a.uploadedBy, createdAt: iso(a.createdAt), contentBase64: (await attachmentStorage().get(a.storageKey))?.toString("base64") ?? null }))),
    }))),
    offlineTickets: tickets.map((t) => ({ email: t.email, message: t.message, status: t.status, createdAt: iso(t.createdAt), closedAt: iso(t.closedAt) })),
  };
}

// Full-text search over the tenant's conversations for agents and admins: every word of the query
// (as a prefix: "refund" finds "refunds") must appear in one message — customer, bot, agent or
// internal note. SQLite uses the FTS5 index "MessageSearch" (accents and case ignored), PostgreSQL
// a GIN index on to_tsvector('simple', text) (case ignored); both are created by the
// *_message_search migrations. The index lookup is raw SQL scoped by tenantId; the filters and the
// rows shown then go through the tenant guard.
import { z } from "zod";
import { getDb, Prisma } from "@/lib/db";
import { resolveDbTarget } from "@/lib/db/target";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";

const day = z.iso.date("Use a date like 2026-03-01.");

export const ZConversationSearch = z
  .object({
    q: z.string().trim().min(1, "Type a word to search for.").max(200, "Keep the search under 200 characters."),
    status: z.enum(["open", "queued", "assigned", "resolved", "closed"], { error: "Status must be one of open, queued, assigned, resolved, closed." }).optional(),
    teamId: z.string().min(1).max(64).optional(),
    agentId: z.string().min(1).max(64).optional(),
    /** Conversations started on or after this UTC day… */
    from: day.optional(),
    /** …and on or before this one. */
    to: day.optional(),
    rating: z.coerce.number({ error: "Rating must be a number from 1 to 5." }).int("Rating must be a whole number from 1 to 5.").min(1, "Rating must be from 1 to 5.").max(5, "Rating must be from 1 to 5.").optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "“From” must not be after “to”.", path: ["from"] });
export type TConversationSearch = z.infer<typeof ZConversationSearch>;

export interface SearchResult {
  conversationId: string;
  status: string;
  language: string | null;
  createdAt: string;
  team: { id: string; name: string } | null;
  agentName: string | null;
  rating: number | null;
  /** The best matching message, shortened around the first word found. */
  snippet: string;
  snippetRole: string;
  matchedAt: string;
}

const MAX_WORDS = 8;
/** Matching messages read from the index before filtering; the newest first. */
const MAX_HITS = 2000;
const INDEXED_ROLES = ["customer", "bot", "agent", "note"];

/** The query's words: letters and digits only (so nothing in them is index query syntax). */
export function searchWords(q: string): string[] {
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2 || /\p{N}/u.test(w));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function snippet(text: string, words: string[]): string {
  const folded = fold(text);
  const at = Math.min(...words.map((w) => folded.indexOf(fold(w))).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - 60);
  const cut = text.slice(start, start + 180);
  return `${start > 0 ? "…" : ""}${cut}${start + 180 < text.length ? "…" : ""}`;
}

/** Messages of the tenant that contain every word, newest first (one provider-specific query). */
async function matchingMessages(tenantId: string, words: string[]): Promise<{ id: string; conversationId: string }[]> {
  const db = await getDb();
  // From the configuration getDb() was made from (dbKind() knows only clients made in its own
  // module graph, and routes run in Next's).
  if (resolveDbTarget(env().DATABASE_URL, env().dataDir).kind === "postgres") {
    const tsquery = words.map((w) => `${w}:*`).join(" & ");
    return db.$queryRaw<{ id: string; conversationId: string }[]>(Prisma.sql`
      SELECT m."id", m."conversationId" FROM "Message" m
      WHERE to_tsvector('simple'::regconfig, m."text") @@ to_tsquery('simple'::regconfig, ${tsquery})
        AND m."tenantId" = ${tenantId} AND m."role" IN (${Prisma.join(INDEXED_ROLES)})
      ORDER BY m."createdAt" DESC LIMIT ${MAX_HITS}`);
  }
  const match = words.map((w) => `"${w}"*`).join(" ");
  return db.$queryRaw<{ id: string; conversationId: string }[]>(Prisma.sql`
    SELECT m."id", m."conversationId" FROM "MessageSearch" s JOIN "Message" m ON m."rowid" = s."rowid"
    WHERE "MessageSearch" MATCH ${match} AND m."tenantId" = ${tenantId}
    ORDER BY m."createdAt" DESC LIMIT ${MAX_HITS}`);
}

export async function searchConversations(db: TenantDb, q: TConversationSearch): Promise<{ results: SearchResult[]; words: string[] }> {
  const words = searchWords(q.q);
  if (words.length === 0) throw new AppError("validation_failed", "Type at least one word of two or more letters or digits.", { details: [{ path: "q", message: "Type at least one word of two or more letters or digits." }] });
  const hits = await matchingMessages(db.tenantId, words);
  // The newest matching message of each conversation, conversations in that order.
  const firstHit = new Map<string, string>();
  for (const h of hits) if (!firstHit.has(h.conversationId)) firstHit.set(h.conversationId, h.id);
  if (firstHit.size === 0) return { results: [], words };
  const created = q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } } : {};
  const conversations = await db.conversation.findMany({
    where: {
      id: { in: [...firstHit.keys()] },
      ...(q.status ? { status: q.status } : {}),
      ...(q.agentId ? { assignedAgentId: q.agentId } : {}),
      ...(q.teamId ? { handoffs: { some: { teamId: q.teamId } } } : {}),
      ...(q.rating ? { ratings: { some: { score: q.rating } } } : {}),
      ...created,
    },
    select: {
      id: true,
      status: true,
      language: true,
      createdAt: true,
      assignedAgent: { select: { name: true } },
      handoffs: { orderBy: { queuedAt: "desc" }, take: 1, select: { team: { select: { id: true, name: true } } } },
      ratings: { orderBy: { createdAt: "desc" }, take: 1, select: { score: true } },
    },
  });
  const order = [...firstHit.keys()];
  const kept = conversations.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)).slice(0, q.limit);
  const messages = await db.message.findMany({ where: { id: { in: kept.map((c) => firstHit.get(c.id)!) } }, select: { id: true, text: true, role: true, createdAt: true } });
  const byId = new Map(messages.map((m) => [m.id, m]));
  return {
    words,
    results: kept.map((c) => {
      const m = byId.get(firstHit.get(c.id)!)!;
      return {
        conversationId: c.id,
        status: c.status,
        language: c.language,
        createdAt: c.createdAt.toISOString(),
        team: c.handoffs[0]?.team ?? null,
        agentName: c.assignedAgent?.name ?? null,
        rating: c.ratings[0]?.score ?? null,
        snippet: snippet(m.text, words),
        snippetRole: m.role,
        matchedAt: m.createdAt.toISOString(),
      };
    }),
  };
}

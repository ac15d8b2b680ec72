// Owns finding the visitor a data-rights request is about: by visitor id, by e-mail (on the
// visitor or on an offline ticket they left), by the id of one of their conversations, or by the
// customer id the website verified for them (FaqBot.identify).
import { z } from "zod";
import type { TenantDb } from "@/lib/tenancy/guard";

export const ZFindVisitor = z.object({ q: z.string().trim().min(1, "Enter a visitor id, an e-mail address, a conversation id or a customer id").max(200) });

export interface VisitorMatch {
  id: string;
  email: string | null;
  name: string | null;
  language: string | null;
  createdAt: string;
  lastSeenAt: string;
  conversations: number;
  /** The website's own id for the customer, when it identified them (verified). */
  customerId: string | null;
  matchedBy: "id" | "email" | "conversation" | "ticket" | "customer_id";
}

export async function findVisitors(db: TenantDb, q: string): Promise<VisitorMatch[]> {
  const term = q.trim();
  const found = new Map<string, VisitorMatch["matchedBy"]>();
  const add = (id: string | null | undefined, by: VisitorMatch["matchedBy"]) => {
    if (id && !found.has(id)) found.set(id, by);
  };
  const byId = await db.visitor.findFirst({ where: { id: term }, select: { id: true } });
  add(byId?.id, "id");
  const conv = await db.conversation.findFirst({ where: { id: term }, select: { visitorId: true } });
  add(conv?.visitorId, "conversation");
  const byCustomerId = await db.visitor.findFirst({ where: { externalId: term }, select: { id: true } });
  add(byCustomerId?.id, "customer_id");
  if (term.includes("@")) {
    // E-mail addresses are compared case-insensitively; both databases store them as typed.
    const emails = [...new Set([term, term.toLowerCase()])];
    for (const v of await db.visitor.findMany({ where: { email: { in: emails } }, select: { id: true }, take: 50 })) add(v.id, "email");
    for (const t of await db.offlineTicket.findMany({ where: { email: { in: emails } }, select: { visitorId: true }, take: 50 })) add(t.visitorId, "ticket");
  }
  if (found.size === 0) return [];
  const rows = await db.visitor.findMany({ where: { id: { in: [...found.keys()] } }, include: { _count: { select: { conversations: true } } } });
  return rows.map((v) => ({
    id: v.id,
    email: v.email,
    name: v.name,
    customerId: v.externalId,
    language: v.language,
    createdAt: v.createdAt.toISOString(),
    lastSeenAt: v.lastSeenAt.toISOString(),
    conversations: v._count.conversations,
    matchedBy: found.get(v.id)!,
  }));
}

// Owns finding what the bot could not answer in a date range: questions whose decision was
// "suggest" or "handoff", plus the customer message just before each hand-off that no decision
// answered (triggers like "I want a person" or frustration skip the model). Grouped by similarity.
// Choices the customer then picked from answered the question: those are not counted.
import type { TenantDb } from "@/lib/tenancy/guard";
import { clusterQuestions, type QuestionCluster, type QuestionSample } from "./cluster";
import type { DateRange } from "./range";
import { CHOSEN_SUGGESTION_REASON } from "@/lib/dialogue/policy";

const CHUNK = 500;

export async function unansweredQuestions(db: TenantDb, range: DateRange, limit = 20): Promise<QuestionCluster[]> {
  const inRange = { gte: range.from, lt: range.to };
  const decisions = await db.decision.findMany({
    where: { createdAt: inRange, kind: { in: ["suggest", "handoff"] } },
    select: { id: true, kind: true, text: true, conversationId: true, createdAt: true, conversation: { select: { language: true } } },
  });
  const picked = await pickedSuggestions(db, decisions.filter((d) => d.kind === "suggest"), range);
  const samples: QuestionSample[] = decisions.filter((d) => !picked.has(d.id)).map((d) => ({ text: d.text, language: d.conversation.language }));

  const handoffs = await db.handoff.findMany({ where: { queuedAt: inRange }, select: { conversationId: true, queuedAt: true } });
  const byConversation = new Map<string, Date[]>();
  for (const h of handoffs) byConversation.set(h.conversationId, [...(byConversation.get(h.conversationId) ?? []), h.queuedAt]);
  const ids = [...byConversation.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const messages = await db.message.findMany({
      where: { conversationId: { in: chunk }, role: "customer", createdAt: { lte: range.to } },
      orderBy: [{ conversationId: "asc" }, { seq: "asc" }],
      select: { id: true, conversationId: true, text: true, createdAt: true, conversation: { select: { language: true } } },
    });
    const grouped = new Map<string, typeof messages>();
    for (const m of messages) grouped.set(m.conversationId, [...(grouped.get(m.conversationId) ?? []), m]);
    const lastBefore = new Map<string, (typeof messages)[number]>();
    for (const conversationId of chunk) {
      const own = grouped.get(conversationId) ?? [];
      for (const at of byConversation.get(conversationId)!) {
        const last = own.filter((m) => m.createdAt <= at).at(-1);
        if (last) lastBefore.set(last.id, last);
      }
    }
    // A message the model already decided on is counted through its decision (or was answered).
    const decided = new Set(
      (await db.decision.findMany({ where: { messageId: { in: [...lastBefore.keys()] } }, select: { messageId: true } })).map((d) => d.messageId),
    );
    for (const m of lastBefore.values()) if (!decided.has(m.id)) samples.push({ text: m.text, language: m.conversation.language });
  }
  return clusterQuestions(samples, { limit });
}

/** Suggest decisions whose conversation's next decision is the answer to a choice the customer picked. */
async function pickedSuggestions(db: TenantDb, suggests: Array<{ id: string; conversationId: string; createdAt: Date }>, range: DateRange): Promise<Set<string>> {
  const out = new Set<string>();
  const ids = [...new Set(suggests.map((d) => d.conversationId))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const all = await db.decision.findMany({
      where: { conversationId: { in: chunk }, createdAt: { gte: range.from } },
      orderBy: [{ conversationId: "asc" }, { createdAt: "asc" }],
      select: { id: true, conversationId: true, reason: true },
    });
    for (let k = 0; k + 1 < all.length; k++) {
      if (all[k + 1].conversationId === all[k].conversationId && all[k + 1].reason === CHOSEN_SUGGESTION_REASON) out.add(all[k].id);
    }
  }
  return out;
}

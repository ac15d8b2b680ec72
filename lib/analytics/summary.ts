// Owns the analytics figures of a tenant for a date range (UTC, `to` exclusive), computed from the
// stored rows through the tenant guard. Definitions, so the numbers can be checked by hand:
// - conversations: created in the range; per day by UTC creation day.
// - resolved by the bot: of those, the ones with at least one "answer" decision and no hand-off.
// - hand-offs, wait and first response: hand-offs queued in the range; wait = queued → claimed,
//   first response = claimed → first agent message (seconds, medians over those that have both).
// - CSAT: ratings given in the range; thumbs: messages created in the range with feedback.
// - SLA: hand-offs queued in the range whose team had a first-response target; breached when the
//   first agent message came after the due time, or had not come while the customer still waited
//   (until resolved, returned, or now).
// - per team / per agent: hand-offs queued in the range by their team / by the agent who took
//   them; CSAT of the ratings (given in the range) of those conversations.
import type { TenantDb } from "@/lib/tenancy/guard";
import type { QuestionCluster } from "./cluster";
import type { DateRange } from "./range";
import { daysBetween, mean, median, utcDay } from "./stats";
import { unansweredQuestions } from "./unanswered";

export interface AnalyticsSummary {
  range: { from: string; to: string };
  conversations: { total: number; perDay: { date: string; count: number }[] };
  botResolved: { count: number; total: number; share: number | null };
  handoffs: { total: number; byReason: { reason: string; count: number }[] };
  waitSeconds: { median: number | null; count: number };
  firstResponseSeconds: { median: number | null; count: number };
  csat: { count: number; mean: number | null; distribution: { score: number; count: number }[] };
  feedback: { up: number; down: number };
  sla: { withTarget: number; met: number; breached: number };
  teams: { id: string; name: string; handoffs: number; waitMedian: number | null; slaBreached: number; csatMean: number | null }[];
  agents: { id: string; name: string; handled: number; firstResponseMedian: number | null; resolutionMedian: number | null; csatMean: number | null }[];
  unanswered: QuestionCluster[];
}

export async function analyticsSummary(db: TenantDb, range: DateRange): Promise<AnalyticsSummary> {
  const inRange = { gte: range.from, lt: range.to };
  // Set-based (a semi-join per question) rather than per-conversation relation counts: Decision
  // and Handoff have no index on conversationId, and correlated counts would scan them per row.
  const ofConversationsInRange = { conversation: { createdAt: inRange } };
  const [conversations, answered, handedOff, askedForPerson, handoffs, ratings, up, down, unanswered, teams, agents] = await Promise.all([
    db.conversation.findMany({ where: { createdAt: inRange }, select: { id: true, createdAt: true } }),
    db.decision.findMany({ where: { kind: "answer", ...ofConversationsInRange }, select: { conversationId: true }, distinct: ["conversationId"] }),
    db.handoff.findMany({ where: ofConversationsInRange, select: { conversationId: true }, distinct: ["conversationId"] }),
    db.decision.findMany({ where: { kind: "human", ...ofConversationsInRange }, select: { conversationId: true }, distinct: ["conversationId"] }),
    db.handoff.findMany({ where: { queuedAt: inRange }, select: { reason: true, queuedAt: true, claimedAt: true, firstResponseAt: true, resolvedAt: true, firstResponseDueAt: true, teamId: true, claimedById: true, conversationId: true } }),
    db.rating.findMany({ where: { createdAt: inRange }, select: { score: true, conversationId: true } }),
    db.message.count({ where: { createdAt: inRange, feedback: 1 } }),
    db.message.count({ where: { createdAt: inRange, feedback: -1 } }),
    unansweredQuestions(db, range),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ select: { id: true, name: true } }),
  ]);

  const perDay = new Map(daysBetween(range.from, range.to).map((d) => [d, 0]));
  for (const c of conversations) {
    const day = utcDay(c.createdAt);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  // Settled by the bot: it answered, and the customer neither reached nor asked for a person.
  const withHandoff = new Set([...handedOff, ...askedForPerson].map((h) => h.conversationId));
  const resolved = answered.filter((d) => !withHandoff.has(d.conversationId)).length;

  const reasons = new Map<string, number>();
  for (const h of handoffs) reasons.set(h.reason, (reasons.get(h.reason) ?? 0) + 1);
  const waits = handoffs.filter((h) => h.claimedAt).map((h) => (h.claimedAt!.getTime() - h.queuedAt.getTime()) / 1000);
  const firsts = handoffs.filter((h) => h.claimedAt && h.firstResponseAt).map((h) => (h.firstResponseAt!.getTime() - h.claimedAt!.getTime()) / 1000);

  const scores = ratings.map((r) => r.score).filter((s) => s >= 1 && s <= 5);

  const now = new Date();
  const withTarget = handoffs.filter((h) => h.firstResponseDueAt);
  const breached = (h: (typeof handoffs)[number]) => !!h.firstResponseDueAt && (h.firstResponseAt ?? h.resolvedAt ?? now) > h.firstResponseDueAt;
  const scoreOf = new Map<string, number>();
  for (const r of ratings) if (r.score >= 1 && r.score <= 5 && !scoreOf.has(r.conversationId)) scoreOf.set(r.conversationId, r.score);
  const csatOf = (hs: typeof handoffs) => mean([...new Set(hs.map((h) => h.conversationId))].flatMap((id) => (scoreOf.has(id) ? [scoreOf.get(id)!] : [])));
  const teamRows = teams
    .map((t) => {
      const hs = handoffs.filter((h) => h.teamId === t.id);
      return { id: t.id, name: t.name, handoffs: hs.length, waitMedian: median(hs.filter((h) => h.claimedAt).map((h) => (h.claimedAt!.getTime() - h.queuedAt.getTime()) / 1000)), slaBreached: hs.filter(breached).length, csatMean: csatOf(hs) };
    });
  const agentRows = agents
    .map((a) => {
      const hs = handoffs.filter((h) => h.claimedById === a.id);
      return {
        id: a.id,
        name: a.name,
        handled: hs.length,
        firstResponseMedian: median(hs.filter((h) => h.claimedAt && h.firstResponseAt).map((h) => (h.firstResponseAt!.getTime() - h.claimedAt!.getTime()) / 1000)),
        resolutionMedian: median(hs.filter((h) => h.claimedAt && h.resolvedAt).map((h) => (h.resolvedAt!.getTime() - h.claimedAt!.getTime()) / 1000)),
        csatMean: csatOf(hs),
      };
    })
    .filter((a) => a.handled > 0)
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    conversations: { total: conversations.length, perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })) },
    botResolved: { count: resolved, total: conversations.length, share: conversations.length ? resolved / conversations.length : null },
    handoffs: { total: handoffs.length, byReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)) },
    waitSeconds: { median: median(waits), count: waits.length },
    firstResponseSeconds: { median: median(firsts), count: firsts.length },
    csat: { count: scores.length, mean: mean(scores), distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: scores.filter((s) => s === score).length })) },
    feedback: { up, down },
    sla: { withTarget: withTarget.length, met: withTarget.length - withTarget.filter(breached).length, breached: withTarget.filter(breached).length },
    teams: teamRows,
    agents: agentRows,
    unanswered,
  };
}

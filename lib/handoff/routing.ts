// Which team's queue a hand-off goes to, and who may see and take it. A team matches when every
// rule it sets matches (a rule left empty matches anything) and it sets at least one: the
// conversation's language, the FAQ category of the entry the bot last matched. The most specific
// matching team wins (more rules set), then the oldest; the rest go to the default team. A
// workspace without teams routes nothing (teamId null: one shared queue).
import type { Db } from "@/lib/db";

export interface RouteInput {
  tenantId: string;
  conversationId: string;
  language: string | null;
}

export interface Route {
  teamId: string | null;
  /** queuedAt + the team's first-response target, or null without a target. */
  firstResponseDueAt: Date | null;
  /** Why this team, for the log ("language es", "category Billing", "default"). */
  rule: string | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const norm = (s: string) => s.trim().toLowerCase();

/** The FAQ category of the entry the bot last matched in this conversation, if any. */
async function lastCategory(db: Db, tenantId: string, conversationId: string): Promise<string | null> {
  const decision = await db.decision.findFirst({ where: { tenantId, conversationId, faqEntryKey: { not: null } }, orderBy: { createdAt: "desc" }, select: { faqEntryKey: true } });
  if (!decision?.faqEntryKey) return null;
  const entry = await db.faqEntry.findFirst({ where: { tenantId, key: decision.faqEntryKey, category: { not: null } }, orderBy: { createdAt: "desc" }, select: { category: true } });
  return entry?.category ?? null;
}

export async function routeHandoff(db: Db, input: RouteInput, queuedAt: Date): Promise<Route> {
  const teams = await db.team.findMany({ where: { tenantId: input.tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (teams.length === 0) return { teamId: null, firstResponseDueAt: null, rule: null };
  const category = teams.some((t) => strings(t.categories).length > 0) ? await lastCategory(db, input.tenantId, input.conversationId) : null;
  const language = input.language ? norm(input.language) : null;
  let best: { team: (typeof teams)[number]; rules: number; rule: string } | null = null;
  for (const team of teams) {
    const languages = strings(team.languages).map(norm);
    const categories = strings(team.categories).map(norm);
    const rules = (languages.length ? 1 : 0) + (categories.length ? 1 : 0);
    if (rules === 0) continue;
    if (languages.length && !(language && languages.some((l) => l === language || language.startsWith(`${l}-`)))) continue;
    if (categories.length && !(category && categories.includes(norm(category)))) continue;
    if (!best || rules > best.rules) best = { team, rules, rule: [languages.length ? `language ${language}` : null, categories.length ? `category ${category}` : null].filter(Boolean).join(", ") };
  }
  const chosen = best?.team ?? teams.find((t) => t.isDefault) ?? teams[0]!;
  return {
    teamId: chosen.id,
    firstResponseDueAt: chosen.firstResponseSeconds == null ? null : new Date(queuedAt.getTime() + chosen.firstResponseSeconds * 1000),
    rule: best?.rule ?? "default",
  };
}

/**
 * The team queues an actor sees: admins and owners every queue (null: no filter); an agent the
 * queues of their teams, plus unrouted hand-offs (a workspace without teams, or from before them).
 */
export async function visibleTeamIds(db: Db, actor: { id: string; tenantId: string; role: string }): Promise<string[] | null> {
  if (actor.role !== "agent") return null;
  const memberships = await db.teamMember.findMany({ where: { tenantId: actor.tenantId, userId: actor.id }, select: { teamId: true } });
  return memberships.map((m) => m.teamId);
}

/** A Prisma where-fragment for hand-offs the actor's queue shows. */
export function handoffTeamFilter(teams: string[] | null): { teamId?: { in: string[] } | null; OR?: ({ teamId: null } | { teamId: { in: string[] } })[] } {
  if (teams === null) return {};
  return { OR: [{ teamId: null }, { teamId: { in: teams } }] };
}

/** Users who can take a team's customers: its members (or anyone, for an unrouted hand-off). */
export async function teamMemberIds(db: Db, tenantId: string, teamId: string | null): Promise<Set<string> | null> {
  if (!teamId) return null;
  const members = await db.teamMember.findMany({ where: { tenantId, teamId }, select: { userId: true } });
  return new Set(members.map((m) => m.userId));
}

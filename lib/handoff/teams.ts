// Teams of agents (admin console → Teams): each has its own queue, routing rules (conversation
// languages, FAQ categories), a first-response target and members. One team is the workspace's
// default: hand-offs that match no team's rules go there. A workspace without teams keeps one
// shared queue. Everything goes through the tenant guard; every change is audited.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { TenantDb } from "@/lib/tenancy/guard";

export const MAX_TEAMS = 50;

const ZCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, "Use language codes like “es” or “pt-br”.");
const ZCategory = z.string().trim().min(1, "A category cannot be empty.").max(80, "Keep each category under 80 characters.");

const unique = <T>(list: T[]) => [...new Set(list)];

export const ZTeamInput = z.object({
  name: z.string().trim().min(1, "Give the team a name.").max(60, "Keep the team name under 60 characters."),
  languages: z.array(ZCode).max(20, "At most 20 languages per team.").default([]).transform(unique),
  categories: z.array(ZCategory).max(50, "At most 50 categories per team.").default([]).transform(unique),
  /** Minutes from queueing to the first agent message; null: no target. */
  firstResponseMinutes: z
    .number({ error: "The first-response target must be a number of minutes." })
    .int("The first-response target must be whole minutes.")
    .min(1, "The first-response target must be at least 1 minute.")
    .max(10_080, "The first-response target must be at most 7 days (10080 minutes).")
    .nullable()
    .default(null),
  isDefault: z.boolean().default(false),
  memberIds: z.array(z.string().min(1).max(64)).max(500).default([]).transform(unique),
});
export type TTeamInput = z.infer<typeof ZTeamInput>;
export const ZTeamUpdate = ZTeamInput.partial();

export interface TeamView {
  id: string;
  name: string;
  isDefault: boolean;
  languages: string[];
  categories: string[];
  firstResponseMinutes: number | null;
  members: { id: string; name: string; email: string; role: string }[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export async function listTeams(db: TenantDb): Promise<TeamView[]> {
  const teams = await db.team.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { members: { where: { tenantId: db.tenantId }, include: { user: { select: { id: true, name: true, email: true, role: true, active: true } } } } },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    isDefault: t.isDefault,
    languages: strings(t.languages),
    categories: strings(t.categories),
    firstResponseMinutes: t.firstResponseSeconds == null ? null : Math.round(t.firstResponseSeconds / 60),
    members: t.members
      .filter((m) => m.user.active)
      .map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.user.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

async function assertMembers(db: TenantDb, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  if (found.length !== ids.length) throw new AppError("validation_failed", "Some of the chosen members are not active people of this workspace.", { details: [{ path: "memberIds", message: "Choose active members of this workspace." }] });
}

async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.team.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("conflict", `A team called “${name}” already exists.`);
}

export async function createTeam(db: TenantDb, input: TTeamInput, actorId: string): Promise<TeamView> {
  if ((await db.team.count()) >= MAX_TEAMS) throw new AppError("conflict", `A workspace can have at most ${MAX_TEAMS} teams.`);
  await assertNameFree(db, input.name);
  await assertMembers(db, input.memberIds);
  const id = await db.$transaction(async (tx) => {
    // The first team is the default one: every hand-off must have a queue.
    const isDefault = input.isDefault || (await tx.team.count({ where: { tenantId: db.tenantId } })) === 0;
    if (isDefault) await tx.team.updateMany({ where: { tenantId: db.tenantId, isDefault: true }, data: { isDefault: false } });
    const team = await tx.team.create({
      data: { tenantId: db.tenantId, name: input.name, isDefault, languages: input.languages, categories: input.categories, firstResponseSeconds: input.firstResponseMinutes == null ? null : input.firstResponseMinutes * 60 },
    });
    if (input.memberIds.length) await tx.teamMember.createMany({ data: input.memberIds.map((userId) => ({ tenantId: db.tenantId, teamId: team.id, userId })) });
    return team.id;
  });
  await recordAudit({ tenantId: db.tenantId, actorId, action: "team.create", target: id, details: { name: input.name } }, db);
  return (await listTeams(db)).find((t) => t.id === id)!;
}

export async function updateTeam(db: TenantDb, id: string, input: z.infer<typeof ZTeamUpdate>, actorId: string): Promise<TeamView> {
  const team = await db.team.findFirst({ where: { id } });
  if (!team) throw new AppError("not_found", "Team not found.");
  if (input.name !== undefined && input.name !== team.name) await assertNameFree(db, input.name, id);
  if (input.memberIds) await assertMembers(db, input.memberIds);
  if (input.isDefault === false && team.isDefault) {
    throw new AppError("conflict", "Every workspace with teams needs a default team: make another team the default instead.");
  }
  await db.$transaction(async (tx) => {
    if (input.isDefault && !team.isDefault) await tx.team.updateMany({ where: { tenantId: db.tenantId, isDefault: true }, data: { isDefault: false } });
    await tx.team.updateMany({
      where: { id, tenantId: db.tenantId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.languages !== undefined ? { languages: input.languages } : {}),
        ...(input.categories !== undefined ? { categories: input.categories } : {}),
        ...(input.firstResponseMinutes !== undefined ? { firstResponseSeconds: input.firstResponseMinutes == null ? null : input.firstResponseMinutes * 60 } : {}),
        ...(input.isDefault ? { isDefault: true } : {}),
      },
    });
    if (input.memberIds) {
      await tx.teamMember.deleteMany({ where: { tenantId: db.tenantId, teamId: id } });
      if (input.memberIds.length) await tx.teamMember.createMany({ data: input.memberIds.map((userId) => ({ tenantId: db.tenantId, teamId: id, userId })) });
    }
  });
  await recordAudit({ tenantId: db.tenantId, actorId, action: "team.update", target: id, details: { fields: Object.keys(input) } }, db);
  return (await listTeams(db)).find((t) => t.id === id)!;
}

/**
 * Deletes a team. Its waiting customers move to the default team's queue (they are never lost);
 * the default team itself can only go last, when the workspace returns to one shared queue.
 */
export async function deleteTeam(db: TenantDb, id: string, actorId: string): Promise<void> {
  const team = await db.team.findFirst({ where: { id } });
  if (!team) throw new AppError("not_found", "Team not found.");
  const others = await db.team.count({ where: { id: { not: id } } });
  if (team.isDefault && others > 0) throw new AppError("conflict", "This is the default team: make another team the default before deleting it.");
  const fallback = await db.team.findFirst({ where: { isDefault: true, id: { not: id } }, select: { id: true } });
  await db.$transaction(async (tx) => {
    // Only waiting customers move; handled ones keep their history (the team link becomes empty).
    await tx.handoff.updateMany({ where: { tenantId: db.tenantId, teamId: id, status: "queued" }, data: { teamId: fallback?.id ?? null } });
    await tx.team.deleteMany({ where: { id, tenantId: db.tenantId } });
  });
  await recordAudit({ tenantId: db.tenantId, actorId, action: "team.delete", target: id, details: { name: team.name } }, db);
}

// Owns the Team page: listing members, inviting one (there is no e-mail server, so the invite
// creates the account with a one-time password shown once to the inviting admin), changing roles,
// deactivating and reactivating (a deactivated member's sessions are revoked at once; lib/auth/
// session.ts also refuses inactive users), and issuing a new one-time password.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { maybeServices } from "@/lib/app/services";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { ZRole } from "@/lib/auth/roles";
import { isUniqueViolation } from "@/lib/db";
import type { TenantDb } from "@/lib/tenancy/guard";
import { assignableRoles, checkMemberChange, type MemberRef } from "@/lib/admin/team-rules";

export const ZInvite = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200),
  name: z.string().trim().min(1, "Enter the person's name.").max(100),
  role: ZRole,
  maxChats: z.number().int().min(1).max(50).optional(),
});
export const ZMemberUpdate = z
  .object({
    role: ZRole.optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(100).optional(),
    maxChats: z.number().int().min(1, "At least 1 chat.").max(50, "At most 50 chats.").optional(),
  })
  .strict();
export type TInvite = z.infer<typeof ZInvite>;
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

const MEMBER_SELECT = { id: true, email: true, name: true, role: true, active: true, presence: true, maxChats: true, lastSeenAt: true, createdAt: true } as const;

/** A readable one-time password: 16 characters without look-alikes (0/O, 1/l). */
export function oneTimePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(16);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

export function listTeam(db: TenantDb) {
  return db.user.findMany({ select: MEMBER_SELECT, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
}

export async function inviteMember(db: TenantDb, actor: MemberRef, input: TInvite) {
  if (!assignableRoles(actor.role).includes(input.role)) throw new AppError("forbidden", "Only an owner can make someone an owner.");
  const password = oneTimePassword();
  let member;
  try {
    member = await db.user.create({
      data: { tenantId: db.tenantId, email: input.email, name: input.name, role: input.role, maxChats: input.maxChats ?? 5, passwordHash: await hashPassword(password) },
      select: MEMBER_SELECT,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `${input.email} already has an account.`);
    throw err;
  }
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "team.invite", target: member.id, details: { email: member.email, role: member.role } });
  return { member, oneTimePassword: password };
}

async function findMember(db: TenantDb, id: string) {
  const target = await db.user.findFirst({ where: { id }, select: MEMBER_SELECT });
  if (!target) throw new AppError("not_found", "Team member not found.");
  return target;
}

export async function updateMember(db: TenantDb, actor: MemberRef, id: string, change: TMemberUpdate) {
  // One transaction: two owners demoting each other at once must not leave the workspace ownerless.
  const updated = await db.$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id, tenantId: db.tenantId }, select: MEMBER_SELECT });
    if (!target) throw new AppError("not_found", "Team member not found.");
    const otherOwners = await tx.user.count({ where: { tenantId: db.tenantId, role: "owner", active: true, id: { not: id } } });
    checkMemberChange(actor, target, change, otherOwners);
    const row = await tx.user.update({ where: { id }, data: change, select: MEMBER_SELECT });
    if (change.active === false) await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    return { before: target, after: row };
    // Serializable: two owners demoting each other at once cannot both see the other as the
    // remaining owner; the loser gets a conflict instead of an ownerless workspace.
  }, { isolationLevel: "Serializable" }).catch((err: unknown) => {
    if ((err as { code?: string } | null)?.code === "P2034") throw new AppError("conflict", "Another change to the team happened at the same moment. Reload and try again.");
    throw err;
  });
  const { before, after } = updated;
  // A deactivated agent's open chats go back to the front of the queue for someone else.
  if (change.active === false && before.active) await maybeServices()?.returnConversationsToQueue({ id, tenantId: db.tenantId });
  const action = change.active === false && before.active ? "team.deactivate" : change.active === true && !before.active ? "team.reactivate" : change.role && change.role !== before.role ? "team.role" : "team.update";
  await recordAudit({
    tenantId: db.tenantId,
    actorId: actor.id,
    action,
    target: id,
    details: Object.fromEntries(Object.entries(change).map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }])),
  });
  return after;
}

/** A new one-time password for a member who lost theirs (their other sessions end). */
export async function resetMemberPassword(db: TenantDb, actor: MemberRef, id: string) {
  const target = await findMember(db, id);
  if (target.role === "owner" && actor.role !== "owner" && actor.id !== target.id) throw new AppError("forbidden", "Only an owner can reset an owner's password.");
  const password = oneTimePassword();
  await db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null } });
  await db.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "team.reset_password", target: id });
  return { member: target, oneTimePassword: password };
}

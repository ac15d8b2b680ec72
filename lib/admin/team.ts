// Owns the Team page: listing members, inviting by link (there is no e-mail server: the admin
// passes the link on; whoever opens it joins with the invited e-mail's account, or creates it, so
// one person can belong to several workspaces), changing roles, deactivating and reactivating (a
// deactivated member's sessions in this workspace are revoked at once; lib/auth/session.ts also
// refuses inactive members), and issuing a new one-time password. Inviting answers the same
// whether or not the e-mail has an account elsewhere: nothing here reveals other workspaces.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { maybeServices } from "@/lib/app/services";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { ZRole } from "@/lib/auth/roles";
import { accountOnlyIn, setAccountPassword, ZEmail } from "@/lib/auth/accounts";
import { newLinkToken } from "@/lib/auth/tokens";
import type { TenantDb } from "@/lib/tenancy/guard";
import { assignableRoles, checkMemberChange, type MemberRef } from "@/lib/admin/team-rules";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const ZInvite = z.object({
  email: ZEmail,
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

const INVITATION_SELECT = { id: true, email: true, name: true, role: true, maxChats: true, createdAt: true, expiresAt: true } as const;

export function listTeam(db: TenantDb) {
  return db.user.findMany({ select: MEMBER_SELECT, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
}

/** Invitations not yet accepted, revoked or expired. */
export function listInvitations(db: TenantDb) {
  return db.invitation.findMany({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: INVITATION_SELECT, orderBy: { createdAt: "desc" } });
}

/**
 * Invites someone by link (`origin` is the app's public origin). Whether the e-mail has an
 * account in another workspace changes nothing in the answer; a member of this workspace is
 * named as such (this workspace's own business). A new invitation to the same e-mail replaces
 * the previous link.
 */
export async function inviteMember(db: TenantDb, actor: MemberRef, input: TInvite, origin: string) {
  if (!assignableRoles(actor.role).includes(input.role)) throw new AppError("forbidden", "Only an owner can make someone an owner.");
  const existing = await db.user.findFirst({ where: { email: input.email }, select: { active: true } });
  if (existing) {
    throw new AppError("conflict", existing.active ? `${input.email} is already a member of this workspace.` : `${input.email} is a deactivated member of this workspace: reactivate them in the list below instead.`);
  }
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { tenantId: db.tenantId, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    return tx.invitation.create({
      data: { tenantId: db.tenantId, email: input.email, name: input.name, role: input.role, maxChats: input.maxChats ?? 5, tokenHash, invitedById: actor.id, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) },
      select: INVITATION_SELECT,
    });
  });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "team.invite", target: invitation.id, details: { email: invitation.email, role: invitation.role } });
  return { invitation, link: `${origin.replace(/\/$/, "")}/invite/${token}` };
}

export async function revokeInvitation(db: TenantDb, actor: MemberRef, id: string) {
  const { count } = await db.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("not_found", "This invitation does not exist or was already accepted or withdrawn.");
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "team.invite_revoke", target: id });
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

/**
 * A new one-time password for a member who lost theirs (their other sessions end). The password
 * is the person's account's: an admin may reset it only while the account belongs to this
 * workspace alone, or resetting it here would open the person's other workspaces to this admin.
 */
export async function resetMemberPassword(db: TenantDb, actor: MemberRef, id: string) {
  const target = await db.user.findFirst({ where: { id }, select: { ...MEMBER_SELECT, accountId: true } });
  if (!target) throw new AppError("not_found", "Team member not found.");
  if (target.role === "owner" && actor.role !== "owner" && actor.id !== target.id) throw new AppError("forbidden", "Only an owner can reset an owner's password.");
  if (!(await accountOnlyIn(target.accountId, db.tenantId))) {
    throw new AppError("forbidden", `${target.name} signs in with an account they also use outside this workspace, so only they can change its password (signed in: workspace menu → Change password).`);
  }
  const password = oneTimePassword();
  await setAccountPassword(target.accountId, await hashPassword(password));
  await db.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "team.reset_password", target: id });
  const { accountId: _a, ...member } = target;
  return { member, oneTimePassword: password };
}

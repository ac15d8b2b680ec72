// Accepting an invitation link (/invite/<token>; the Team page issues them, lib/admin/team.ts).
// Whoever holds the link joins the workspace with the invited e-mail's account: signed in as it
// already, or by giving its password — or, when the e-mail has no account yet, by choosing a name
// and password, which creates it. The person then has one more membership (role from the
// invitation) and the session moves to the new workspace. A link works once, for 7 days, and not
// after the admin withdrew it or the workspace was disabled. Password attempts share the sign-in
// throttles.
import { z } from "zod";
import { getDb, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { accountWithPassword, ZNewPassword, ZPersonName } from "@/lib/auth/accounts";
import { hashLinkToken, ZLinkToken } from "@/lib/auth/tokens";
import { openMembershipSession } from "@/lib/auth/switch-workspace";
import { consume, reset, reward } from "@/lib/security/rate-limit";
import type { SessionUser } from "@/lib/auth/session";

export const ZAcceptInvitation = z.object({
  token: ZLinkToken,
  /** For a new account: the person's name (default: the name the admin typed). */
  name: ZPersonName.optional(),
  /** The account's password, or the new account's; not needed when signed in as the invited e-mail. */
  password: z.string().max(200).optional(),
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

export interface InvitationView {
  state: "open" | "used" | "expired" | "unknown";
  workspaceName?: string;
  email?: string;
  name?: string;
  role?: string;
}

const UNUSABLE: Record<Exclude<InvitationView["state"], "open">, string> = {
  used: "This invitation has already been used. Sign in instead.",
  expired: "This invitation has expired. Ask the workspace's admin for a new link.",
  unknown: "This invitation link is not valid (it may have been replaced by a newer one). Ask the workspace's admin for a new link.",
};

async function findInvitation(token: string) {
  const db = await getDb();
  return db.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, include: { tenant: { select: { name: true, disabledAt: true } } } });
}

function stateOf(inv: Awaited<ReturnType<typeof findInvitation>>): InvitationView["state"] {
  if (!inv || inv.revokedAt || inv.tenant.disabledAt) return "unknown";
  if (inv.acceptedAt) return "used";
  if (inv.expiresAt.getTime() < Date.now()) return "expired";
  return "open";
}

/** What the invitation page shows (nothing about the invited e-mail's account). */
export async function readInvitation(token: string): Promise<InvitationView> {
  if (!ZLinkToken.safeParse(token).success) return { state: "unknown" };
  const inv = await findInvitation(token);
  const state = stateOf(inv);
  if (state !== "open" || !inv) return { state };
  return { state, workspaceName: inv.tenant.name, email: inv.email, name: inv.name, role: inv.role };
}

const WRONG_PASSWORD = "This password does not open the account of this e-mail address. If you already have an account, enter its password; otherwise choose a new one.";

export async function acceptInvitation(input: TAcceptInvitation, meta: { ip: string; userAgent: string | null; session: SessionUser | null }) {
  const inv = await findInvitation(input.token);
  const state = stateOf(inv);
  if (state !== "open" || !inv) throw new AppError(state === "used" ? "conflict" : "not_found", UNUSABLE[state as keyof typeof UNUSABLE] ?? UNUSABLE.unknown);
  const db = await getDb();

  let accountId: string;
  let memberName: string;
  if (meta.session && meta.session.email === inv.email) {
    accountId = meta.session.accountId;
    memberName = meta.session.name;
  } else {
    if (!input.password) throw new AppError("validation_failed", "Enter a password.", { details: [{ path: "password", message: "Enter a password." }] });
    const throttleKey = `${inv.email}|${meta.ip}`;
    await consume("loginPerAccount", throttleKey, "Too many attempts. Please wait a few minutes and try again.");
    await consume("loginPerIp", meta.ip, "Too many attempts. Please wait a few minutes and try again.");
    const exists = await db.account.findUnique({ where: { email: inv.email }, select: { id: true } });
    if (exists) {
      const account = await accountWithPassword(db, inv.email, input.password);
      if (!account) throw new AppError("unauthenticated", WRONG_PASSWORD);
      accountId = account.id;
      memberName = account.name;
    } else {
      const password = ZNewPassword.safeParse(input.password);
      if (!password.success) throw new AppError("validation_failed", password.error.issues[0]!.message, { details: [{ path: "password", message: password.error.issues[0]!.message }] });
      memberName = input.name ?? inv.name;
      const created = await db.account
        .create({ data: { email: inv.email, name: memberName, passwordHash: await hashPassword(password.data) }, select: { id: true } })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw new AppError("conflict", "Something changed at this very moment. Open the link again.");
          throw err;
        });
      accountId = created.id;
    }
    await Promise.all([reset("loginPerAccount", throttleKey), reward("loginPerIp", meta.ip)]);
  }

  const member = await db.$transaction(async (tx) => {
    // Claimed with a conditional update: a link opened twice at once makes one membership.
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("conflict", UNUSABLE.used);
    const existing = await tx.user.findFirst({ where: { tenantId: inv.tenantId, accountId } });
    if (existing) {
      if (!existing.active) throw new AppError("forbidden", "Your membership of this workspace has been deactivated. Ask its admin to reactivate you.");
      return existing;
    }
    const created = await tx.user.create({ data: { tenantId: inv.tenantId, accountId, email: inv.email, name: memberName, role: inv.role, maxChats: inv.maxChats } });
    await tx.auditLog.create({ data: { tenantId: inv.tenantId, actorId: created.id, action: "team.join", target: inv.id, details: { email: inv.email, role: inv.role } } });
    return created;
  });
  const session = await openMembershipSession(meta.session, member, meta.userAgent);
  return { user: { id: member.id, tenantId: member.tenantId, email: member.email, name: member.name, role: member.role }, ...session };
}

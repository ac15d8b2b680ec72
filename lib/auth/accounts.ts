// Accounts: the person who signs in (one e-mail, one password) behind any number of workspace
// memberships (User rows). Owns the input rules for e-mail, name and new passwords, the password
// check that takes the same time whether or not the account exists, and the membership a sign-in
// lands in.
import { z } from "zod";
import { getDb, withPasswordHash, type Db } from "@/lib/db";
import { burnPasswordCheck, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200);
export const ZPersonName = z.string().trim().min(1, "Enter your name.").max(100, "Keep the name under 100 characters.");
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.");

/** The account for an e-mail when `password` is its password; null otherwise (constant work either way). */
export async function accountWithPassword(db: Db, email: string, password: string) {
  const account = await db.account.findUnique({ where: { email }, omit: withPasswordHash });
  // No account: verify against a fixed hash anyway, so timing does not tell which e-mails exist.
  const ok = account ? await verifyPassword(account.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !account) return null;
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

export type MembershipProblem = "none" | "deactivated" | "disabled";

/**
 * The membership a sign-in lands in: the active one in an enabled workspace used most recently
 * (a person in several workspaces returns to the last one; the switcher moves between them).
 * Without one, why not: every membership deactivated, or every workspace disabled.
 */
export async function signInMembership(db: Db, accountId: string) {
  const memberships = await db.user.findMany({ where: { accountId }, include: { tenant: { select: { disabledAt: true } } } });
  const usable = memberships.filter((m) => m.active && !m.tenant.disabledAt);
  usable.sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0) || a.createdAt.getTime() - b.createdAt.getTime());
  const problem: MembershipProblem = memberships.length === 0 ? "none" : memberships.some((m) => m.active) ? "disabled" : "deactivated";
  return { member: usable[0] ?? null, problem };
}

/** Whether an account belongs to no workspace but this one (an admin of it may then reset its password). */
export async function accountOnlyIn(accountId: string, tenantId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count({ where: { accountId, tenantId: { not: tenantId } } })) === 0;
}

/** Sets an account's password (callers decide who may). */
export async function setAccountPassword(accountId: string, passwordHash: string): Promise<void> {
  const db = await getDb();
  await db.account.update({ where: { id: accountId }, data: { passwordHash } });
}

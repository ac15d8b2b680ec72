// A signed-in person changes their own password (workspace menu → Change password). It is the
// account's password, so it changes for every workspace they belong to, and their other sessions
// (other browsers, other workspaces) end; this one stays signed in.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { accountWithPassword, setAccountPassword, ZNewPassword } from "@/lib/auth/accounts";
import { consume, reset } from "@/lib/security/rate-limit";
import type { SessionUser } from "@/lib/auth/session";

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: ZNewPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

export async function changeOwnPassword(user: SessionUser, input: TChangePassword, meta: { ip: string }): Promise<void> {
  const key = `${user.email}|${meta.ip}`;
  await consume("loginPerAccount", key, "Too many attempts. Please wait a few minutes and try again.");
  const db = await getDb();
  const account = await accountWithPassword(db, user.email, input.currentPassword);
  if (!account) {
    const message = "Your current password is not right.";
    throw new AppError("validation_failed", message, { details: [{ path: "currentPassword", message }] });
  }
  await reset("loginPerAccount", key);
  await setAccountPassword(account.id, await hashPassword(input.newPassword));
  const memberships = await db.user.findMany({ where: { accountId: account.id }, select: { id: true } });
  await db.session.updateMany({ where: { userId: { in: memberships.map((m) => m.id) }, id: { not: user.sessionId }, revokedAt: null }, data: { revokedAt: new Date() } });
}

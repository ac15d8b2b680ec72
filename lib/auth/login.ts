// Password login for admins and agents, throttled against brute force without letting a stranger
// lock the owner out: attempts are limited per e-mail + IP (or + known device), per IP, and per
// e-mail from unknown devices; a browser that signed in before (lib/auth/device.ts) is limited by
// its own budget only. The password is the account's; the session opens in one of its workspaces
// (lib/auth/accounts.ts: the one used last).
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { accountWithPassword, signInMembership } from "@/lib/auth/accounts";
import { createSession } from "@/lib/auth/session";
import { consume, reset, reward } from "@/lib/security/rate-limit";
import { readDeviceToken, signDeviceToken } from "@/lib/auth/device";

export const ZLoginInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

const TOO_MANY = "Too many failed sign-in attempts. Please wait a few minutes and try again.";

export async function login(input: TLoginInput, meta: { ip: string; userAgent: string | null; deviceToken?: string | null }) {
  const deviceId = await readDeviceToken(meta.deviceToken, input.email);
  const accountKey = deviceId ? `${input.email}|device:${deviceId}` : `${input.email}|${meta.ip}`;
  // Points are taken BEFORE the password is checked, so parallel guesses cannot all slip through
  // while the (deliberately slow) hash verification runs; a successful sign-in gives them back.
  await consume("loginPerAccount", accountKey, TOO_MANY);
  if (!deviceId) {
    await consume("loginPerEmail", input.email, TOO_MANY);
    await consume("loginPerIp", meta.ip, TOO_MANY);
  }

  const db = await getDb();
  const account = await accountWithPassword(db, input.email, input.password);
  if (!account) throw new AppError("unauthenticated", "E-mail or password is incorrect.");
  const { member, problem } = await signInMembership(db, account.id);
  if (!member) {
    // The password was right, so the person may know why they cannot get in.
    throw new AppError(
      "unauthenticated",
      problem === "disabled" ? "Your workspace has been disabled. Contact the operator of this service." : problem === "deactivated" ? "This account has been deactivated." : "This account does not belong to any workspace yet. Ask for an invitation.",
    );
  }
  await Promise.all([reset("loginPerAccount", accountKey), ...(deviceId ? [] : [reset("loginPerEmail", input.email), reward("loginPerIp", meta.ip)])]);
  await db.user.update({ where: { id: member.id }, data: { lastSeenAt: new Date() } });
  const session = await createSession(member, meta.userAgent);
  const deviceToken = await signDeviceToken(input.email, deviceId ?? undefined);
  return { user: { id: member.id, tenantId: member.tenantId, email: member.email, name: member.name, role: member.role }, ...session, deviceToken };
}

// Password login for admins and agents, throttled against brute force without letting a stranger
// lock the owner out: attempts are limited per e-mail + IP (or + known device), per IP, and per
// e-mail from unknown devices; a browser that signed in before (lib/auth/device.ts) is limited by
// its own budget only.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
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
  // passwordHash is omitted from every query by default (lib/db); only login asks for it.
  const user = await db.user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
  const hash = user?.passwordHash ?? null;
  const ok = hash ? await verifyPassword(hash, input.password) : (await burnPasswordCheck(input.password), false);

  if (!ok || !user || !user.active) {
    throw new AppError("unauthenticated", user && !user.active && ok ? "This account has been deactivated." : "E-mail or password is incorrect.");
  }
  await Promise.all([reset("loginPerAccount", accountKey), ...(deviceId ? [] : [reset("loginPerEmail", input.email), reward("loginPerIp", meta.ip)])]);
  await db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } });
  const session = await createSession(user, meta.userAgent);
  const deviceToken = await signDeviceToken(input.email, deviceId ?? undefined);
  return { user: { id: user.id, tenantId: user.tenantId, email: user.email, name: user.name, role: user.role }, ...session, deviceToken };
}

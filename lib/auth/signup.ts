// Self-service sign-up (/signup): a person creates a workspace and becomes its owner, signed in
// at once. Open unless the operator set SIGNUP=closed (then only `npm run tenant:create` and the
// first-run link create workspaces). Rate limited per IP. An e-mail that already has an account is
// refused with a message that never says so: the password is hashed before the e-mail is looked
// at, both answers take the same work, and the wording fits anyone. (Without e-mail verification
// no sign-up can hide from someone who tries an address that it is taken; the limit bounds how
// many they can try.) Someone who already has an account adds workspaces from the console.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { createSession, type SessionUser } from "@/lib/auth/session";
import { ZEmail, ZNewPassword, ZPersonName } from "@/lib/auth/accounts";
import { openMembershipSession } from "@/lib/auth/switch-workspace";
import { consume } from "@/lib/security/rate-limit";
import { createWorkspace, EmailTakenError, ZWorkspaceName } from "@/lib/workspaces/create-workspace";

export const ZSignup = z.object({
  businessName: ZWorkspaceName,
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignup = z.infer<typeof ZSignup>;

export const ZNewWorkspace = z.object({ name: ZWorkspaceName });

export const SIGNUP_CLOSED_MESSAGE = "Sign-up is closed on this server: workspaces are created by its operator. Ask them for one, or for an invitation to an existing workspace.";
export const SIGNUP_REFUSED_MESSAGE =
  "We could not create a workspace with this e-mail address. Use another address — or, if you already have an account, sign in and choose “New workspace” in the workspace menu.";

export function signupOpen(): boolean {
  return env().SIGNUP === "open";
}

export async function signUp(input: TSignup, meta: { ip: string; userAgent: string | null }) {
  if (!signupOpen()) throw new AppError("forbidden", SIGNUP_CLOSED_MESSAGE);
  await consume("signupPerIp", meta.ip, "Too many sign-ups from your network. Please try again in an hour.");
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  let created;
  try {
    created = await createWorkspace(db, { name: input.businessName, owner: { kind: "new", email: input.email, name: input.name, passwordHash }, source: "signup" });
  } catch (err) {
    if (err instanceof EmailTakenError) throw new AppError("conflict", SIGNUP_REFUSED_MESSAGE);
    throw err;
  }
  const session = await createSession(created.owner, meta.userAgent);
  return { user: created.owner, tenant: { id: created.tenant.id, name: created.tenant.name }, ...session };
}

/** "New workspace" for someone signed in: owned by their account; the session moves to it. */
export async function createOwnWorkspace(user: SessionUser, name: string, meta: { ip: string; userAgent: string | null }) {
  if (!signupOpen()) throw new AppError("forbidden", "New workspaces are created by the operator of this server.");
  await consume("signupPerIp", meta.ip, "Too many new workspaces from your network. Please try again in an hour.");
  const db = await getDb();
  const created = await createWorkspace(db, { name, owner: { kind: "existing", accountId: user.accountId }, source: "console" });
  const session = await openMembershipSession(user, created.owner, meta.userAgent);
  return { user: created.owner, tenant: { id: created.tenant.id, name: created.tenant.name }, ...session };
}

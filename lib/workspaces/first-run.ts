// First-run setup. A server started on a database with no workspace and without the demo seed
// (SEED_DEMO=false) prints a one-time link, /setup?token=…, valid for a day; opening it creates
// the first workspace and its owner, who is signed in. The token is claimed in the workspace's
// own transaction, so it works once; and no link works once any workspace exists. Each start
// prints a fresh link while the database is still empty (earlier ones keep working until they
// expire).
import { z } from "zod";
import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/session";
import { hashLinkToken, newLinkToken, ZLinkToken } from "@/lib/auth/tokens";
import { ZEmail, ZNewPassword, ZPersonName } from "@/lib/auth/accounts";
import { createWorkspace, EmailTakenError, ZWorkspaceName } from "@/lib/workspaces/create-workspace";

const SETUP_TTL_MS = 24 * 3600 * 1000;

export const ZSetup = z.object({
  token: ZLinkToken,
  businessName: ZWorkspaceName,
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSetup = z.infer<typeof ZSetup>;

/** A new setup link when the database has no workspace; null when it has one. */
export async function issueSetupLink(db: Db, baseUrl: string): Promise<string | null> {
  if ((await db.tenant.count()) > 0) return null;
  const { token, tokenHash } = newLinkToken();
  await db.setupToken.create({ data: { tokenHash, expiresAt: new Date(Date.now() + SETUP_TTL_MS) } });
  return `${baseUrl.replace(/\/$/, "")}/setup?token=${token}`;
}

/** Whether any workspace exists (the sign-in page points an empty server to its setup link). */
export async function anyWorkspace(): Promise<boolean> {
  const db = await getDb();
  return (await db.tenant.count()) > 0;
}

export type SetupState = "open" | "done" | "invalid";

/** What /setup shows for a token: the form, "already set up", or "this link does not work". */
export async function setupState(token: string | undefined | null): Promise<SetupState> {
  const db = await getDb();
  if ((await db.tenant.count()) > 0) return "done";
  if (!token || !ZLinkToken.safeParse(token).success) return "invalid";
  const row = await db.setupToken.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  return row && !row.usedAt && row.expiresAt.getTime() > Date.now() ? "open" : "invalid";
}

export async function completeSetup(input: TSetup, meta: { userAgent: string | null }) {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  let created;
  try {
    created = await createWorkspace(db, {
      name: input.businessName,
      owner: { kind: "new", email: input.email, name: input.name, passwordHash },
      source: "setup",
      before: async (tx) => {
        if ((await tx.tenant.count()) > 0) throw new AppError("conflict", "This server is already set up. Sign in instead.");
        const claimed = await tx.setupToken.updateMany({ where: { tokenHash: hashLinkToken(input.token), usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
        if (claimed.count !== 1) throw new AppError("not_found", "This setup link does not work (it was used already or has expired). Restart the server for a new one.");
      },
    });
  } catch (err) {
    // An empty database has no accounts; only a leftover account (its workspaces deleted) lands here.
    if (err instanceof EmailTakenError) throw new AppError("conflict", "This e-mail address is already in use on this server. Use another one.");
    throw err;
  }
  const session = await createSession(created.owner, meta.userAgent);
  return { user: created.owner, tenant: { id: created.tenant.id, name: created.tenant.name }, ...session };
}

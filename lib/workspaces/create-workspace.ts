// Creating a workspace (a tenant) with its owner, the one way every entrance uses: sign-up
// (lib/auth/signup.ts), the operator's command line (scripts/tenant.ts), the first-run setup link
// (lib/workspaces/first-run.ts) and "New workspace" in the console for someone already signed in.
// One transaction: the workspace, the owner's account when it is new, the owner's membership and
// the audit entry exist together or not at all. A new workspace starts empty: no FAQ, no model,
// no allowed website (the admin adds their site; the checklist on the overview says how).
import crypto from "node:crypto";
import { z } from "zod";
import { isUniqueViolation, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/tenancy/settings";

export const ZWorkspaceName = z.string().trim().min(2, "Enter the business name (at least 2 characters).").max(100, "Keep the business name under 100 characters.");

export type WorkspaceSource = "signup" | "operator" | "setup" | "console";

export type WorkspaceOwner =
  /** A person without an account yet (the e-mail must be free). */
  | { kind: "new"; email: string; name: string; passwordHash: string }
  /** Someone who already has an account (they add a workspace to it). */
  | { kind: "existing"; accountId: string };

export interface CreatedWorkspace {
  tenant: { id: string; name: string; slug: string; widgetKey: string };
  owner: { id: string; tenantId: string; accountId: string; email: string; name: string; role: string };
}

/** Lower-case ASCII words joined by "-", for the workspace's slug. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return base || "workspace";
}

const random = (bytes: number) => crypto.randomBytes(bytes).toString("hex");

/** Thrown inside the transaction when the owner's e-mail already has an account. */
export class EmailTakenError extends Error {
  constructor() {
    super("e-mail taken");
  }
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function createWorkspace(
  db: Db,
  input: {
    name: string;
    owner: WorkspaceOwner;
    source: WorkspaceSource;
    greeting?: Record<string, string>;
    /** Runs first in the same transaction (the first-run setup claims its token there). */
    before?: (tx: DbTx) => Promise<void>;
  },
): Promise<CreatedWorkspace> {
  const name = ZWorkspaceName.parse(input.name);
  // The slug only has to be unique; a clash (two "Acme" shops) gets a random suffix and a retry.
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? slugify(name) : `${slugify(name).slice(0, 33)}-${random(3)}`;
    try {
      return await db.$transaction(async (tx) => {
        await input.before?.(tx);
        const tenant = await tx.tenant.create({
          data: {
            name,
            slug,
            widgetKey: `pk_${random(12)}`,
            allowedOrigins: [],
            languages: ["en", "es"],
            defaultLanguage: "en",
            settings: { ...DEFAULT_TENANT_SETTINGS, ...(input.greeting ? { greeting: input.greeting } : {}) },
          },
          select: { id: true, name: true, slug: true, widgetKey: true },
        });
        let account: { id: string; email: string; name: string };
        if (input.owner.kind === "new") {
          const o = input.owner;
          account = await tx.account
            .create({ data: { email: o.email, name: o.name, passwordHash: o.passwordHash }, select: { id: true, email: true, name: true } })
            .catch((err: unknown) => {
              if (isUniqueViolation(err, { model: "Account", fields: ["email"] })) throw new EmailTakenError();
              throw err;
            });
        } else {
          const found = await tx.account.findUnique({ where: { id: input.owner.accountId }, select: { id: true, email: true, name: true } });
          if (!found) throw new AppError("not_found", "Your account no longer exists. Sign in again.");
          account = found;
        }
        const owner = await tx.user.create({
          data: { tenantId: tenant.id, accountId: account.id, email: account.email, name: account.name, role: "owner", lastSeenAt: new Date() },
          select: { id: true, tenantId: true, accountId: true, email: true, name: true, role: true },
        });
        const byOperator = input.source === "operator";
        await tx.auditLog.create({ data: { tenantId: tenant.id, actorId: byOperator ? null : owner.id, actorKind: byOperator ? "system" : "user", action: "workspace.create", target: tenant.id, details: { source: input.source } } });
        return { tenant, owner };
      });
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err, { model: "Tenant", fields: ["slug"] })) continue;
      throw err;
    }
  }
}

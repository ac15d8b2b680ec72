// What the platform operator does from the command line (scripts/tenant.ts): create a workspace
// with its owner, list the workspaces, disable and enable one. Disabling keeps every row; it ends
// the workspace's sessions at once, and sign-in, the widget and its API keys refuse it from then on
// (they all check Tenant.disabledAt), whether or not a server is running.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { accountWithPassword, ZEmail, ZNewPassword, ZPersonName } from "@/lib/auth/accounts";
import { createWorkspace, EmailTakenError, ZWorkspaceName } from "@/lib/workspaces/create-workspace";

export const ZOperatorCreate = z.object({
  name: ZWorkspaceName,
  ownerEmail: ZEmail,
  ownerPassword: ZNewPassword,
  ownerName: ZPersonName.optional(),
});
export type TOperatorCreate = z.infer<typeof ZOperatorCreate>;

/**
 * A workspace owned by `ownerEmail`. An e-mail that already has an account gets the workspace
 * added to it, provided the password is that account's (the operator is trusted, so the refusal
 * can say why).
 */
export async function operatorCreateWorkspace(db: Db, input: TOperatorCreate) {
  const existing = await db.account.findUnique({ where: { email: input.ownerEmail }, select: { id: true } });
  if (existing) {
    const account = await accountWithPassword(db, input.ownerEmail, input.ownerPassword);
    if (!account) throw new AppError("conflict", `${input.ownerEmail} already has an account and --owner-password is not its password. Give its current password to add this workspace to it, or use another e-mail.`);
    return createWorkspace(db, { name: input.name, owner: { kind: "existing", accountId: account.id }, source: "operator" });
  }
  const ownerName = input.ownerName ?? input.ownerEmail.split("@")[0]!;
  try {
    return await createWorkspace(db, { name: input.name, owner: { kind: "new", email: input.ownerEmail, name: ownerName, passwordHash: await hashPassword(input.ownerPassword) }, source: "operator" });
  } catch (err) {
    if (err instanceof EmailTakenError) throw new AppError("conflict", `${input.ownerEmail} got an account at this very moment; run the command again.`);
    throw err;
  }
}

export interface WorkspaceRow {
  tenantId: string;
  name: string;
  slug: string;
  widgetKey: string;
  status: "active" | "disabled";
  members: number;
  owners: string[];
  createdAt: string;
  disabledAt: string | null;
}

export async function listWorkspaces(db: Db): Promise<WorkspaceRow[]> {
  const tenants = await db.tenant.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, slug: true, widgetKey: true, createdAt: true, disabledAt: true, users: { where: { active: true }, select: { email: true, role: true } } },
  });
  return tenants.map((t) => ({
    tenantId: t.id,
    name: t.name,
    slug: t.slug,
    widgetKey: t.widgetKey,
    status: t.disabledAt ? "disabled" : "active",
    members: t.users.length,
    owners: t.users.filter((u) => u.role === "owner").map((u) => u.email),
    createdAt: t.createdAt.toISOString(),
    disabledAt: t.disabledAt?.toISOString() ?? null,
  }));
}

/** A workspace named by its id, widget key or slug. */
export async function findWorkspace(db: Db, ref: string) {
  const tenant = await db.tenant.findFirst({ where: { OR: [{ id: ref }, { widgetKey: ref }, { slug: ref }] }, select: { id: true, name: true, widgetKey: true, disabledAt: true } });
  if (!tenant) throw new AppError("not_found", `No workspace has the id, widget key or slug "${ref}". \`npm run tenant:list\` shows them.`);
  return tenant;
}

/** Disables (or enables again) a workspace; disabling ends its sessions. Returns what changed. */
export async function setWorkspaceDisabled(db: Db, ref: string, disabled: boolean) {
  const tenant = await findWorkspace(db, ref);
  const already = Boolean(tenant.disabledAt) === disabled;
  if (!already) {
    const now = new Date();
    await db.$transaction([
      db.tenant.update({ where: { id: tenant.id }, data: { disabledAt: disabled ? now : null } }),
      ...(disabled ? [db.session.updateMany({ where: { tenantId: tenant.id, revokedAt: null }, data: { revokedAt: now } })] : []),
      db.auditLog.create({ data: { tenantId: tenant.id, actorKind: "system", action: disabled ? "workspace.disable" : "workspace.enable", target: tenant.id } }),
    ]);
  }
  return { tenantId: tenant.id, name: tenant.name, widgetKey: tenant.widgetKey, status: disabled ? ("disabled" as const) : ("active" as const), changed: !already };
}

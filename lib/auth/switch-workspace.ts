// The workspaces a signed-in person belongs to, and moving the session between them. A session
// acts for one workspace (its membership's tenant and role), so switching ends the current session
// — consoles open on it close, exactly as on sign-out — and opens one for the other membership.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createSession, type SessionUser } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/logout";

export interface WorkspaceChoice {
  tenantId: string;
  name: string;
  role: string;
  current: boolean;
}

/** The person's workspaces they can act for now (active membership, workspace not disabled). */
export async function myWorkspaces(user: SessionUser): Promise<WorkspaceChoice[]> {
  const db = await getDb();
  const memberships = await db.user.findMany({
    where: { accountId: user.accountId, active: true, tenant: { disabledAt: null } },
    select: { tenantId: true, role: true, tenant: { select: { name: true } } },
  });
  return memberships
    .map((m) => ({ tenantId: m.tenantId, name: m.tenant.name, role: m.role, current: m.tenantId === user.tenantId }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Ends `current` (when there is one) and opens a session for `member`. */
export async function openMembershipSession(current: SessionUser | null, member: { id: string; tenantId: string }, userAgent: string | null) {
  if (current) await signOut(current);
  const db = await getDb();
  await db.user.update({ where: { id: member.id }, data: { lastSeenAt: new Date() } });
  return createSession(member, userAgent);
}

/** A new session in another of the person's workspaces; null when `tenantId` is the current one. */
export async function switchWorkspace(user: SessionUser, tenantId: string, userAgent: string | null) {
  if (tenantId === user.tenantId) return null;
  const db = await getDb();
  const member = await db.user.findFirst({ where: { accountId: user.accountId, tenantId }, include: { tenant: { select: { disabledAt: true } } } });
  // The same answer for "no such workspace" and "not yours": the switcher reveals nothing.
  if (!member || !member.active || member.tenant.disabledAt) throw new AppError("not_found", "You are not a member of that workspace.");
  const session = await openMembershipSession(user, member, userAgent);
  return { user: { id: member.id, tenantId: member.tenantId, email: member.email, name: member.name, role: member.role }, ...session };
}

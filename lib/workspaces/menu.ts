// What the consoles' workspace menu shows for a session: its workspace (name, logo, role), the
// person's other workspaces to switch to, and whether they may create one (SIGNUP=open).
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { myWorkspaces } from "@/lib/auth/switch-workspace";
import { signupOpen } from "@/lib/auth/signup";
import { currentLogoUrl } from "@/lib/admin/logo";
import { tenantDb } from "@/lib/tenancy/guard";

export async function workspaceMenu(user: SessionUser) {
  const [workspaces, logoUrl] = await Promise.all([myWorkspaces(user), tenantDb(user.tenantId).then(currentLogoUrl)]);
  const current = workspaces.find((w) => w.current);
  return { current: { name: current?.name ?? "", role: user.role }, workspaces, canCreate: signupOpen(), logoUrl };
}

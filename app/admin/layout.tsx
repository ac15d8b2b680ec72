// The admin console's frame: only owners and admins get in (agents are sent to sign in with an
// admin account, with a message saying so); a header with the workspace menu and the section
// navigation around every page.
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/ui/app-header";
import { AdminNav } from "@/components/admin/admin-nav";
import { WorkspaceMenu } from "@/components/workspace/workspace-menu";
import { workspaceMenu } from "@/lib/workspaces/menu";
import { PAGE_WORKSPACE_META } from "@/lib/auth/page-workspace";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("admin", "/admin");
  const menu = await workspaceMenu(user);
  return (
    <div className="min-h-screen">
      <meta name={PAGE_WORKSPACE_META} content={user.tenantId} />
      <AppHeader title="Admin console" user={user} links={[{ href: "/agent", label: "Agent console" }]} workspace={<WorkspaceMenu {...menu} area="admin" />} />
      <div className="mx-auto flex max-w-7xl flex-col gap-6 p-4 md:flex-row md:p-6">
        <aside className="md:w-52 md:shrink-0">
          <AdminNav />
        </aside>
        <main className="min-w-0 flex-1 space-y-6">{children}</main>
      </div>
    </div>
  );
}

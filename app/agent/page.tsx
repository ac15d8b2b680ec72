import { requirePageUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { AppHeader } from "@/components/ui/app-header";
import { AgentConsole } from "@/components/agent/agent-console";
import { WorkspaceMenu } from "@/components/workspace/workspace-menu";
import { workspaceMenu } from "@/lib/workspaces/menu";
import { PAGE_WORKSPACE_META } from "@/lib/auth/page-workspace";
import { mailEnabled } from "@/lib/mail/config";

export const dynamic = "force-dynamic";
export const metadata = { title: "Agent console · FAQ Bot" };

export default async function AgentPage() {
  const user = await requirePageUser("agent", "/agent");
  const links = [{ href: "/agent", label: "Console" }, ...(hasRole(user.role, "admin") ? [{ href: "/admin", label: "Admin" }] : [])];
  return (
    <div>
      <meta name={PAGE_WORKSPACE_META} content={user.tenantId} />
      <AppHeader title="Agent console" user={user} links={links} workspace={<WorkspaceMenu {...(await workspaceMenu(user))} area="agent" />} />
      <AgentConsole user={{ id: user.id, name: user.name, role: user.role }} mailEnabled={mailEnabled()} />
    </div>
  );
}

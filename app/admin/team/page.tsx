import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listInvitations, listTeam } from "@/lib/admin/team";
import { TeamManager } from "@/components/admin/team-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "Team · Admin console" };

export default async function AdminTeamPage() {
  const user = await requirePageUser("admin", "/admin/team");
  const db = await tenantDb(user.tenantId);
  const [members, invitations] = await Promise.all([listTeam(db), listInvitations(db)]);
  return (
    <>
      <h1 className="text-xl font-semibold">Team</h1>
      <TeamManager initial={members.map((m) => ({ ...m, lastSeenAt: m.lastSeenAt?.toISOString() ?? null }))} invitations={invitations} me={{ id: user.id, role: user.role }} />
    </>
  );
}

// The team: GET members; POST invites one and returns their one-time password (shown once).
import { handler } from "@/lib/http/handler";
import { inviteMember, listTeam, ZInvite } from "@/lib/admin/team";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ members: await listTeam(db!) }));

export const POST = handler({ role: "admin", body: ZInvite }, async ({ db, user, body }) => inviteMember(db!, { id: user!.id, role: user!.role, active: true }, body));

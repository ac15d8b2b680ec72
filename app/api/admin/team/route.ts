// The team: GET members and pending invitations; POST invites someone and returns their link.
import { handler } from "@/lib/http/handler";
import { appOrigin } from "@/lib/http/app-origin";
import { inviteMember, listInvitations, listTeam, ZInvite } from "@/lib/admin/team";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ members: await listTeam(db!), invitations: await listInvitations(db!) }));

export const POST = handler({ role: "admin", body: ZInvite }, async ({ db, user, body, req }) =>
  inviteMember(db!, { id: user!.id, role: user!.role, active: true }, body, appOrigin(req.headers)),
);

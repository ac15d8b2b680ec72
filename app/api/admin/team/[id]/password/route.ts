// Issues a new one-time password for a member (shown once; their sessions end).
import { handler } from "@/lib/http/handler";
import { resetMemberPassword } from "@/lib/admin/team";

export const POST = handler({ role: "admin" }, async ({ db, user, params }) => resetMemberPassword(db!, { id: user!.id, role: user!.role, active: true }, params.id!));

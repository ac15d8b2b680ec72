// Changes one member: role, active (deactivate / reactivate), name, chat limit.
import { handler } from "@/lib/http/handler";
import { updateMember, ZMemberUpdate } from "@/lib/admin/team";

export const PATCH = handler({ role: "admin", body: ZMemberUpdate }, async ({ db, user, body, params }) => ({
  member: await updateMember(db!, { id: user!.id, role: user!.role, active: true }, params.id!, body),
}));

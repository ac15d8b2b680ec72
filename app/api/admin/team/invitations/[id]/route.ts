// Withdraws a pending invitation: its link stops working.
import { handler } from "@/lib/http/handler";
import { revokeInvitation } from "@/lib/admin/team";

export const DELETE = handler({ role: "admin" }, async ({ db, user, params }) => {
  await revokeInvitation(db!, { id: user!.id, role: user!.role, active: true }, params.id!);
  return { ok: true };
});

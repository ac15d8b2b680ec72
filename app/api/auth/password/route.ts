// Changes the signed-in person's own password (lib/auth/change-password.ts).
import { handler } from "@/lib/http/handler";
import { changeOwnPassword, ZChangePassword } from "@/lib/auth/change-password";
import { recordAudit } from "@/lib/audit/record";

export const POST = handler({ role: "agent", body: ZChangePassword }, async ({ user, body, ip }) => {
  await changeOwnPassword(user!, body, { ip });
  await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "auth.password_change" });
  return { ok: true };
});

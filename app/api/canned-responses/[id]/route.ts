import { handler } from "@/lib/http/handler";
import { deleteCanned, updateCanned, ZCannedInput } from "@/lib/canned/canned-responses";
import { recordAudit } from "@/lib/audit/record";

export const PATCH = handler({ role: "admin", body: ZCannedInput.partial() }, async ({ db, body, params, user }) => {
  const updated = await updateCanned(db!, params.id!, body);
  await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "canned.update", target: params.id! });
  return { cannedResponse: updated };
});

export const DELETE = handler({ role: "admin" }, async ({ db, params, user }) => {
  await deleteCanned(db!, params.id!);
  await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "canned.delete", target: params.id! });
  return { ok: true };
});

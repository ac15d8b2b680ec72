import { handler } from "@/lib/http/handler";
import { createCanned, listCanned, ZCannedInput } from "@/lib/canned/canned-responses";
import { recordAudit } from "@/lib/audit/record";

export const GET = handler({ role: "agent" }, async ({ db }) => ({ cannedResponses: await listCanned(db!) }));

export const POST = handler({ role: "admin", body: ZCannedInput }, async ({ db, body, user }) => {
  const created = await createCanned(db!, body);
  await recordAudit({ tenantId: user!.tenantId, actorId: user!.id, action: "canned.create", target: created.id, details: { shortcut: created.shortcut } });
  return { cannedResponse: created };
});

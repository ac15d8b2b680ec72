// The test console: one question against one trained version (published or not). No live traffic.
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { services } from "@/lib/app/services";

const ZTry = z.object({ text: z.string().trim().min(1, "Type a question.").max(2000) });

export const POST = handler({ role: "admin", body: ZTry }, async ({ user, params, body }) =>
  services().tryModelVersion({ tenantId: user!.tenantId, modelVersionId: params.id!, text: body.text }),
);

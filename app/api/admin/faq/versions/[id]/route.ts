// One FAQ version's entries.
import { handler } from "@/lib/http/handler";
import { readFaqVersion } from "@/lib/admin/faq";

export const GET = handler({ role: "admin" }, async ({ user, params }) => readFaqVersion(user!.tenantId, params.id!));

// One FAQ version's entries.
import { handler } from "@/lib/http/handler";
import { readFaqVersion } from "@/lib/faq/history";

export const GET = handler({ role: "admin" }, async ({ user, params }) => readFaqVersion(user!.tenantId, params.id!));

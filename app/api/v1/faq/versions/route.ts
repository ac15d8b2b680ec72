import { apiHandler } from "@/lib/http/api-handler";
import { listFaqVersions } from "@/lib/faq/history";

export const GET = apiHandler({ scope: "faq:read" }, async ({ db }) => ({ versions: await listFaqVersions(db, 500) }));

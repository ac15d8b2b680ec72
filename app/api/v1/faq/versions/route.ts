import { apiHandler } from "@/lib/http/api-handler";
import { listFaqVersions } from "@/lib/api/faq";

export const GET = apiHandler({ scope: "faq:read" }, async ({ db }) => ({ versions: await listFaqVersions(db) }));

import { apiHandler } from "@/lib/http/api-handler";
import { listModelVersions } from "@/lib/api/models";

export const GET = apiHandler({ scope: "models:read" }, async ({ db }) => ({ models: await listModelVersions(db) }));

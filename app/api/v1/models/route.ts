import { apiHandler } from "@/lib/http/api-handler";
import { listModelVersionSummaries } from "@/lib/tenant-models/versions";

export const GET = apiHandler({ scope: "models:read" }, async ({ db }) => ({ models: await listModelVersionSummaries(db) }));

import { apiHandler } from "@/lib/http/api-handler";
import { trainingRunStatus } from "@/lib/tenant-models/versions";

export const GET = apiHandler({ scope: "models:read" }, async ({ db, params }) => ({ run: await trainingRunStatus(db, params.runId!) }));

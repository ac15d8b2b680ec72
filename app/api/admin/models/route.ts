// The tenant's model versions (with evaluation reports; which one is live) and the latest run.
import { handler } from "@/lib/http/handler";
import { latestTrainingRun, listModelVersions } from "@/lib/tenant-models/versions";

export const GET = handler({ role: "admin" }, async ({ db }) => {
  const [models, run] = await Promise.all([listModelVersions(db!), latestTrainingRun(db!)]);
  return { ...models, run };
});

-- At most one queued or running training run per tenant: two starts at the same instant cannot
-- both pass the busy check. (Partial index: not expressible in schema.prisma, written by hand.)
-- Runs left queued or running by a crashed process are closed first so the index can be built.
UPDATE "TrainingRun" SET "status" = 'failed', "error" = 'Interrupted.'
WHERE "status" IN ('queued', 'running')
  AND "id" NOT IN (SELECT MAX("id") FROM "TrainingRun" WHERE "status" IN ('queued', 'running') GROUP BY "tenantId");

CREATE UNIQUE INDEX "TrainingRun_one_active_per_tenant" ON "TrainingRun"("tenantId") WHERE "status" IN ('queued', 'running');

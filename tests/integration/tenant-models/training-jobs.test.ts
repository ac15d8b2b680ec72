// One training run per tenant, even for two starts at the same instant (both used to pass the
// busy check): the database holds at most one queued or running run per tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { startTraining, waitForRun } from "@/lib/tenant-models/training-jobs";
import { testDbKinds } from "@/tests/support/db";
import { seedTenant } from "@/tests/support/seed";
import { useProcessDb } from "@/tests/support/process-db";

const kinds = await testDbKinds();

describe.each(kinds)("training runs on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await useProcessDb(kind));
  });
  afterAll(async () => cleanup?.());

  async function tenantWithFaq() {
    const t = await seedTenant(db);
    const version = await db.faqVersion.create({ data: { tenantId: t.tenantId, number: 1, source: "seed", entryCount: 2 } });
    await db.faqEntry.createMany({
      data: [
        { tenantId: t.tenantId, versionId: version.id, key: "ship", question: "How much is shipping?", answer: "€4.95", language: "en" },
        { tenantId: t.tenantId, versionId: version.id, key: "returns", question: "How do I return an item?", answer: "From My orders.", language: "en" },
      ],
    });
    return t;
  }

  it("starts one of two simultaneous runs and refuses the other as busy", async () => {
    const t = await tenantWithFaq();
    const results = await Promise.allSettled([startTraining({ tenantId: t.tenantId }), startTraining({ tenantId: t.tenantId })]);
    const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
    expect(started).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(["conflict"]);
    await waitForRun(started[0]!.id, 60_000);
  });

  it("refuses a second active run at the database level", async () => {
    const t = await tenantWithFaq();
    const version = await db.faqVersion.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    await db.trainingRun.create({ data: { tenantId: t.tenantId, faqVersionId: version.id, status: "running" } });
    await expect(db.trainingRun.create({ data: { tenantId: t.tenantId, faqVersionId: version.id, status: "queued" } })).rejects.toMatchObject({ code: "P2002" });
    // Finished runs are not limited.
    await db.trainingRun.create({ data: { tenantId: t.tenantId, faqVersionId: version.id, status: "failed" } });
    await db.trainingRun.create({ data: { tenantId: t.tenantId, faqVersionId: version.id, status: "succeeded" } });
  });
});

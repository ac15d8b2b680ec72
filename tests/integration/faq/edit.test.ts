// Inline edits become a new FAQ version (keys kept, audit written); a bad edit or one based on an
// outdated version saves nothing.
import { tenantDb } from "@/lib/tenancy/guard";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createFaqVersion, faqEntries } from "@/lib/faq/versions";
import { saveFaqEdit } from "@/lib/faq/edit";
import { diffFaqVersions } from "@/lib/faq/history";
import { seedTenant } from "@/tests/support/seed";
import { testDbKinds } from "@/tests/support/db";
import { useProcessDb } from "@/tests/support/process-db";

const kinds = await testDbKinds();

const ENTRIES = [
  { key: "shipping-cost", question: "How much does shipping cost?", alternatives: ["delivery fee"], answer: "€4.95.", category: "Shipping", language: "en" },
  { key: "returns", question: "How do I return an item?", alternatives: [], answer: "Within 30 days.", category: null, language: "en" },
];

describe.each(kinds)("FAQ inline edits on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await useProcessDb(kind));
  });
  afterAll(async () => cleanup?.());

  it("saves edits as the next version, keeping keys, and the diff shows exactly the edit", async () => {
    const t = await seedTenant(db);
    const { version: v1 } = await createFaqVersion(t.tenantId, ENTRIES, { source: "upload", actor: { id: t.admin.id } });
    const { version: v2 } = await saveFaqEdit(
      t.tenantId,
      { baseVersionId: v1.id, entries: [{ ...ENTRIES[0]!, answer: "€5.95." }, { key: null, question: "Do you sell gift cards?", alternatives: [], answer: "Yes.", language: "en" }] },
      { id: t.admin.id },
    );
    expect(v2.number).toBe(2);
    expect(v2.source).toBe("edit");
    const { entries } = await faqEntries(await tenantDb(t.tenantId));
    expect(entries.map((e) => e.key)).toEqual(["shipping-cost", "do-you-sell-gift-cards"]);
    const { diff } = await diffFaqVersions(t.tenantId, v1.id, v2.id);
    expect(diff.added.map((e) => e.key)).toEqual(["do-you-sell-gift-cards"]);
    expect(diff.removed.map((e) => e.key)).toEqual(["returns"]);
    expect(diff.changed.map((c) => [c.key, c.fields.map((f) => f.field)])).toEqual([["shipping-cost", ["answer"]]]);
    expect(await db.auditLog.count({ where: { tenantId: t.tenantId, action: "faq.edit", target: v2.id } })).toBe(1);
  });

  it("saves nothing when an edit has errors or starts from an outdated version", async () => {
    const t = await seedTenant(db);
    const { version: v1 } = await createFaqVersion(t.tenantId, ENTRIES, { source: "upload", actor: { id: t.admin.id } });
    const bad = await saveFaqEdit(t.tenantId, { baseVersionId: v1.id, entries: [ENTRIES[0]!, { ...ENTRIES[1]!, question: "" }] }, { id: t.admin.id }).catch((e) => e);
    expect(bad.code).toBe("validation_failed");
    expect(bad.details.errors).toEqual([expect.objectContaining({ line: 2, code: "missing_question" })]);
    await saveFaqEdit(t.tenantId, { baseVersionId: v1.id, entries: ENTRIES }, { id: t.admin.id });
    const stale = await saveFaqEdit(t.tenantId, { baseVersionId: v1.id, entries: ENTRIES }, { id: t.admin.id }).catch((e) => e);
    expect(stale.code).toBe("conflict");
    expect(await db.faqVersion.count({ where: { tenantId: t.tenantId } })).toBe(2);
  });

  it("does not show another workspace's version", async () => {
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    const { version } = await createFaqVersion(b.tenantId, ENTRIES, { source: "upload", actor: { id: b.admin.id } });
    const err = await diffFaqVersions(a.tenantId, version.id, version.id).catch((e) => e);
    expect(err.code).toBe("not_found");
  });
});

// The analytics summary read straight from a database (both providers): an empty range gives
// zeros and "no value" rather than errors, rows outside the range or of another tenant never
// count, and a hand-off without a decision contributes the customer's last message as unanswered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsSummary } from "@/lib/analytics/summary";
import { scopeToTenant } from "@/lib/tenancy/guard";
import { createTestDb, testDbKinds, type TestDb } from "../../support/db";

const FROM = new Date("2025-03-01T00:00:00Z");
const TO = new Date("2025-03-04T00:00:00Z");
const kinds = await testDbKinds();

describe.each(kinds)("analytics summary on %s", (kind) => {
  let t: TestDb;
  let tenantId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const db = t.db;
    const [a, b] = await Promise.all([
      db.tenant.create({ data: { name: "A", slug: "a", widgetKey: "pk_a" } }),
      db.tenant.create({ data: { name: "B", slug: "b", widgetKey: "pk_b" } }),
    ]);
    tenantId = a.id;
    for (const [tid, createdAt] of [[a.id, new Date("2025-03-02T08:00:00Z")], [a.id, new Date("2025-03-05T08:00:00Z")], [b.id, new Date("2025-03-02T09:00:00Z")]] as const) {
      const v = await db.visitor.create({ data: { tenantId: tid } });
      const c = await db.conversation.create({ data: { tenantId: tid, visitorId: v.id, createdAt, language: "es" } });
      await db.message.create({ data: { tenantId: tid, conversationId: c.id, seq: 1, role: "customer", text: "quiero hablar con alguien", createdAt } });
      await db.handoff.create({ data: { tenantId: tid, conversationId: c.id, reason: "customer_request", queuedAt: new Date(createdAt.getTime() + 5000) } });
      await db.rating.create({ data: { tenantId: tid, conversationId: c.id, score: 2, createdAt } });
    }
  });

  afterAll(async () => t?.cleanup());

  it("counts only this tenant's rows inside the range", async () => {
    const s = await analyticsSummary(scopeToTenant(t.db, tenantId), { from: FROM, to: TO });
    expect(s.conversations).toEqual({ total: 1, perDay: [{ date: "2025-03-01", count: 0 }, { date: "2025-03-02", count: 1 }, { date: "2025-03-03", count: 0 }] });
    expect(s.botResolved).toEqual({ count: 0, total: 1, share: 0 });
    expect(s.handoffs).toEqual({ total: 1, byReason: [{ reason: "customer_request", count: 1 }] });
    expect(s.waitSeconds).toEqual({ median: null, count: 0 });
    expect(s.csat.mean).toBe(2);
    expect(s.unanswered).toEqual([{ representative: "quiero hablar con alguien", count: 1, examples: ["quiero hablar con alguien"], language: "es" }]);
  });

  it("does not count a question whose offered choice the customer then picked", async () => {
    const db = t.db;
    const at = new Date("2025-03-03T10:00:00Z");
    const v = await db.visitor.create({ data: { tenantId } });
    const c = await db.conversation.create({ data: { tenantId, visitorId: v.id, createdAt: at, language: "en" } });
    const decision = (kind: string, text: string, reason: string, seconds: number) =>
      db.decision.create({ data: { tenantId, conversationId: c.id, kind, text, reason, createdAt: new Date(at.getTime() + seconds * 1000) } });
    await decision("suggest", "do you take my insurence", "not sure enough", 0);
    await decision("answer", "Do you accept my dental insurance?", "the customer chose this suggestion", 5);
    await decision("suggest", "can i pay in bitcoin", "not sure enough", 10);
    const s = await analyticsSummary(scopeToTenant(db, tenantId), { from: FROM, to: TO });
    const texts = s.unanswered.flatMap((q) => q.examples);
    expect(texts).toContain("can i pay in bitcoin");
    expect(texts).not.toContain("do you take my insurence");
  });

  it("returns zeros and empty values for a range without data", async () => {
    const s = await analyticsSummary(scopeToTenant(t.db, tenantId), { from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-01-02T00:00:00Z") });
    expect(s.conversations.total).toBe(0);
    expect(s.botResolved.share).toBeNull();
    expect(s.csat).toEqual({ count: 0, mean: null, distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: 0 })) });
    expect(s.feedback).toEqual({ up: 0, down: 0 });
    expect(s.unanswered).toEqual([]);
  });
});

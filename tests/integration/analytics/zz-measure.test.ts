import { it } from "vitest";
import { analyticsSummary } from "@/lib/analytics/summary";
import { purgeExpired } from "@/lib/privacy/retention";
import { scopeToTenant } from "@/lib/tenancy/guard";
import { createTestDb } from "@/tests/support/db";
const N = Number(process.env.N ?? 10000);
it.each(["sqlite", "postgres"] as const)("measure %s", async (kind) => {
  const t = await createTestDb(kind);
  const a = await t.db.tenant.create({ data: { name: "A", slug: "a", widgetKey: "pk_a", settings: { retentionDays: 30 } } });
  const v = await t.db.visitor.create({ data: { tenantId: a.id } });
  const now = Date.now();
  const qs = ["where is my order", "do you ship to mars", "cuanto cuesta el envio", "refund policy please", "opening hours sunday"];
  for (let i = 0; i < N; i += 500) {
    const convs = Array.from({ length: 500 }, (_, j) => ({ id: `c${i + j}`, tenantId: a.id, visitorId: v.id, createdAt: new Date(now - ((i + j) % 60) * 86400000), updatedAt: new Date(now - ((i + j) % 60) * 86400000) }));
    await t.db.conversation.createMany({ data: convs });
    await t.db.message.createMany({ data: convs.flatMap((c, j) => [{ tenantId: a.id, conversationId: c.id, seq: 1, role: "customer", text: qs[j % 5] + " " + (j % 37), createdAt: c.createdAt }, { tenantId: a.id, conversationId: c.id, seq: 2, role: "bot", text: "x", feedback: j % 3 ? 1 : -1, createdAt: c.createdAt }]) });
    await t.db.decision.createMany({ data: convs.map((c, j) => ({ tenantId: a.id, conversationId: c.id, kind: j % 4 ? "answer" : "suggest", text: qs[j % 5] + " " + (j % 37), reason: "r", createdAt: c.createdAt })) });
    await t.db.handoff.createMany({ data: convs.filter((_, j) => j % 5 === 0).map((c) => ({ tenantId: a.id, conversationId: c.id, reason: "model_handoff", queuedAt: c.createdAt, claimedAt: new Date(c.createdAt.getTime() + 60000) })) });
    await t.db.rating.createMany({ data: convs.filter((_, j) => j % 7 === 0).map((c, j) => ({ tenantId: a.id, conversationId: c.id, score: 1 + (j % 5), createdAt: c.createdAt })) });
  }
  const db = scopeToTenant(t.db, a.id);
  for (const days of [30, 90]) {
    const s0 = performance.now();
    const s = await analyticsSummary(db, { from: new Date(now - days * 86400000), to: new Date(now + 1) });
    console.log(`${kind} N=${N} summary ${days}d: ${(performance.now() - s0).toFixed(0)} ms; conversations=${s.conversations.total} unanswered clusters=${s.unanswered.length} top=${s.unanswered[0]?.count}`);
  }
  const p0 = performance.now();
  const r = await purgeExpired(new Date(now), { db: t.db });
  console.log(`${kind} purge: ${(performance.now() - p0).toFixed(0)} ms; ${JSON.stringify(r.total)}`);
  await t.cleanup();
}, 600_000);

// The retention purge removes exactly the conversations whose last activity is older than each
// tenant's retentionDays (with their messages, decisions, hand-offs and ratings) and visitors left
// with nothing; recent conversations, other tenants' data and visitors with a live conversation stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { purgeExpired } from "@/lib/privacy/retention";
import { createTestDb, testDbKinds, type TestDb } from "../../support/db";

const NOW = new Date("2025-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function conversation(db: Db, tenantId: string, visitorId: string, lastActivity: Date) {
  const c = await db.conversation.create({ data: { tenantId, visitorId, createdAt: lastActivity, updatedAt: lastActivity } });
  await db.message.createMany({
    data: [
      { tenantId, conversationId: c.id, seq: 1, role: "customer", text: "hello", createdAt: lastActivity },
      { tenantId, conversationId: c.id, seq: 2, role: "bot", text: "hi", createdAt: lastActivity, feedback: 1 },
    ],
  });
  await db.decision.create({ data: { tenantId, conversationId: c.id, kind: "handoff", reason: "low", text: "hello", createdAt: lastActivity } });
  await db.handoff.create({ data: { tenantId, conversationId: c.id, reason: "unanswered", queuedAt: lastActivity } });
  await db.rating.create({ data: { tenantId, conversationId: c.id, score: 4, createdAt: lastActivity } });
  return c.id;
}

const kinds = await testDbKinds();

describe.each(kinds)("retention purge on %s", (kind) => {
  let t: TestDb;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb(kind);
    const db = t.db;
    const a = await db.tenant.create({ data: { name: "A", slug: "a", widgetKey: "pk_a", settings: { retentionDays: 30 } } });
    const b = await db.tenant.create({ data: { name: "B", slug: "b", widgetKey: "pk_b", settings: { retentionDays: 365 } } });
    ids.a = a.id;
    ids.b = b.id;
    // A: a visitor whose only conversation expired; a visitor with one expired and one recent.
    const gone = await db.visitor.create({ data: { tenantId: a.id, email: "gone@example.com", createdAt: daysAgo(50), lastSeenAt: daysAgo(40) } });
    const mixed = await db.visitor.create({ data: { tenantId: a.id, createdAt: daysAgo(50), lastSeenAt: daysAgo(2) } });
    ids.goneVisitor = gone.id;
    ids.mixedVisitor = mixed.id;
    ids.expired1 = await conversation(db, a.id, gone.id, daysAgo(40));
    ids.expired2 = await conversation(db, a.id, mixed.id, daysAgo(31));
    ids.recent = await conversation(db, a.id, mixed.id, daysAgo(29));
    await db.offlineTicket.create({ data: { tenantId: a.id, email: "old@example.com", message: "old", createdAt: daysAgo(45) } });
    await db.offlineTicket.create({ data: { tenantId: a.id, email: "new@example.com", message: "new", createdAt: daysAgo(1) } });
    // Webhook deliveries carry messages: an old one goes with the period, a recent one stays.
    const hook = await db.webhook.create({ data: { tenantId: a.id, url: "https://hooks.example.com/a", events: ["message.created"], secret: "whsec_a" } });
    for (const [eventId, age] of [["evt_old", 35], ["evt_new", 3]] as const) {
      await db.webhookDelivery.create({ data: { tenantId: a.id, webhookId: hook.id, eventId, event: "message.created", body: "{}", status: "delivered", createdAt: daysAgo(age) } });
    }
    // B keeps a year: the same age is not expired there.
    const bv = await db.visitor.create({ data: { tenantId: b.id, lastSeenAt: daysAgo(40) } });
    ids.bVisitor = bv.id;
    ids.bConv = await conversation(db, b.id, bv.id, daysAgo(40));
  });

  afterAll(async () => t?.cleanup());

  it("deletes only expired conversations and reports what it removed", async () => {
    const result = await purgeExpired(NOW, { db: t.db });
    const a = result.tenants.find((r) => r.tenantId === ids.a)!;
    expect(a).toMatchObject({ retentionDays: 30, conversations: 2, messages: 4, decisions: 2, handoffs: 2, ratings: 2, offlineTickets: 1, webhookDeliveries: 1, visitors: 1 });
    const b = result.tenants.find((r) => r.tenantId === ids.b)!;
    expect(b).toMatchObject({ conversations: 0, messages: 0, visitors: 0 });

    const left = await t.db.conversation.findMany({ select: { id: true } });
    expect(left.map((c) => c.id).sort()).toEqual([ids.recent, ids.bConv].sort());
    expect(await t.db.message.count({ where: { conversationId: { in: [ids.expired1!, ids.expired2!] } } })).toBe(0);
    expect(await t.db.message.count({ where: { conversationId: ids.recent } })).toBe(2);
    expect(await t.db.rating.count({ where: { tenantId: ids.a } })).toBe(1);
    expect(await t.db.visitor.findUnique({ where: { id: ids.goneVisitor } })).toBeNull();
    expect(await t.db.visitor.findUnique({ where: { id: ids.mixedVisitor } })).not.toBeNull();
    expect(await t.db.visitor.findUnique({ where: { id: ids.bVisitor } })).not.toBeNull();
    expect((await t.db.offlineTicket.findMany({ where: { tenantId: ids.a } })).map((x) => x.email)).toEqual(["new@example.com"]);
    expect((await t.db.webhookDelivery.findMany({ where: { tenantId: ids.a } })).map((x) => x.eventId)).toEqual(["evt_new"]);
  });

  it("audit-logs the purge per tenant, and a second run finds nothing", async () => {
    const audit = await t.db.auditLog.findMany({ where: { action: "privacy.retention_purge" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenantId: ids.a, actorKind: "system" });
    expect(audit[0]!.details).toMatchObject({ conversations: 2, messages: 4, visitors: 1 });
    const again = await purgeExpired(NOW, { db: t.db });
    expect(again.total).toEqual({ conversations: 0, messages: 0, decisions: 0, handoffs: 0, ratings: 0, offlineTickets: 0, webhookDeliveries: 0, visitors: 0 });
  });
});

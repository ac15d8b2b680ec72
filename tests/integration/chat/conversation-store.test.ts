// Message sequence numbers under simultaneous writers, on both providers: every message of a burst
// is stored, numbered 1..n without gaps or repeats (issue #13: 10 at once used to lose some with
// an "internal" error when the compare-and-swap retry ran out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { appendCustomerMessage, appendMessage } from "@/lib/chat/conversation-store";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/db";

const kinds = await testDbKinds();
let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function seedConversation(db: Db) {
  const tenant = await db.tenant.create({ data: { name: "Seq", slug: unique("seq"), widgetKey: unique("pk") } });
  const visitor = await db.visitor.create({ data: { tenantId: tenant.id } });
  const conversation = await db.conversation.create({ data: { tenantId: tenant.id, visitorId: visitor.id } });
  return { tenantId: tenant.id, conversationId: conversation.id };
}

describe.each(kinds)("message sequence numbers on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("stores 25 simultaneous messages of one conversation, numbered 1..25", async () => {
    const { tenantId, conversationId } = await seedConversation(t.db);
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        i % 2 === 0
          ? appendCustomerMessage(t.db, { tenantId, conversationId, role: "customer", text: `m${i}`, clientMessageId: `burst-${i}` }).then((r) => r.message)
          : appendMessage(t.db, { tenantId, conversationId, role: "agent", text: `m${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await t.db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).lastSeq).toBe(25);
  });

  it("catches up with a counter left behind the stored messages", async () => {
    const { tenantId, conversationId } = await seedConversation(t.db);
    await t.db.message.create({ data: { tenantId, conversationId, seq: 1, role: "customer", text: "written without the counter" } });
    const row = await appendMessage(t.db, { tenantId, conversationId, role: "bot", text: "next" });
    expect(row.seq).toBe(2);
  });

  it("drops a bot reply once a person owns the conversation", async () => {
    const { tenantId, conversationId } = await seedConversation(t.db);
    await t.db.conversation.update({ where: { id: conversationId }, data: { owner: "agent", status: "assigned" } });
    expect(await appendMessage(t.db, { tenantId, conversationId, role: "bot", text: "late reply" }, { onlyIfBotOwns: true })).toBeNull();
    expect(await t.db.message.count({ where: { conversationId } })).toBe(0);
  });
});

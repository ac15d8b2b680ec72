// The chat's group-commit write path (lib/chat/message-writer.ts), on each provider the machine
// has: messages appended at the same time are written in shared transactions, and still each
// conversation's messages are numbered in the order they were sent, re-sent customer messages are
// stored once, a bot reply is dropped once a person owns the conversation, and one failing write
// fails alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { appendCustomerMessage, appendMessage, findCustomerMessage } from "@/lib/chat/conversation-store";
import { messageWriter } from "@/lib/chat/message-writer";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/db";

const kinds = await testDbKinds();
let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function seedConversations(db: Db, count: number) {
  const tenant = await db.tenant.create({ data: { name: "Batch", slug: unique("batch"), widgetKey: unique("pk") } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const visitor = await db.visitor.create({ data: { tenantId: tenant.id } });
    ids.push((await db.conversation.create({ data: { tenantId: tenant.id, visitorId: visitor.id } })).id);
  }
  return { tenantId: tenant.id, conversationIds: ids };
}

describe.each(kinds)("group-committed chat writes on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await messageWriter(t.db)?.close();
    await t?.cleanup();
  });

  it("keeps each conversation's order under concurrent senders, in shared transactions", async () => {
    const { tenantId, conversationIds } = await seedConversations(t.db, 12);
    const writer = messageWriter(t.db)!;
    const before = { ...writer.stats };
    const perConversation = 15;
    // Every conversation has a customer, the bot and an agent writing at once; their messages
    // arrive interleaved with the other conversations' (one sender per conversation and role).
    const sends: Promise<unknown>[] = [];
    for (let k = 0; k < perConversation; k++) {
      for (const [c, conversationId] of conversationIds.entries()) {
        const text = `c${c}-m${k}`;
        if (k % 3 === 0) sends.push(appendCustomerMessage(t.db, { tenantId, conversationId, role: "customer", text, clientMessageId: `cm-${c}-${k}` }));
        else if (k % 3 === 1) sends.push(appendMessage(t.db, { tenantId, conversationId, role: "bot", text, metadata: { turn: "answer" } }, { onlyIfBotOwns: true, decision: { tenantId, conversationId, kind: "answer", reason: "test", text, confidence: 0.9, candidates: [{ label: "x", confidence: 0.9 }] } }));
        else sends.push(appendMessage(t.db, { tenantId, conversationId, role: "agent", text }));
      }
    }
    const results = await Promise.allSettled(sends);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    for (const [c, conversationId] of conversationIds.entries()) {
      const rows = await t.db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { seq: true, text: true } });
      expect(rows.map((r) => r.text)).toEqual(Array.from({ length: perConversation }, (_, k) => `c${c}-m${k}`));
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: perConversation }, (_, k) => k + 1));
      expect((await t.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).lastSeq).toBe(perConversation);
    }
    expect(await t.db.decision.count({ where: { tenantId } })).toBe(12 * 5);
    const jobs = writer.stats.jobs - before.jobs;
    const batches = writer.stats.batches - before.batches;
    expect(jobs).toBe(12 * perConversation);
    // Shared transactions: far fewer commits than messages.
    expect(batches).toBeLessThan(jobs / 4);
  });

  it("returns the stored row for a re-sent customer message, even in the same batch", async () => {
    const { tenantId, conversationIds: [conversationId] } = await seedConversations(t.db, 1);
    const m = { tenantId, conversationId, role: "customer" as const, text: "hello", clientMessageId: "same-id" };
    const [a, b] = await Promise.all([appendCustomerMessage(t.db, m), appendCustomerMessage(t.db, m)]);
    const c = await appendCustomerMessage(t.db, m);
    expect([a.duplicate, b.duplicate, c.duplicate]).toEqual([false, true, true]);
    expect(new Set([a.message.id, b.message.id, c.message.id]).size).toBe(1);
    expect(c.message.createdAt.getTime()).toBe(a.message.createdAt.getTime());
    expect(await t.db.message.count({ where: { conversationId } })).toBe(1);
    expect(await findCustomerMessage(t.db, conversationId, "same-id")).toEqual(a.message);
    expect(await findCustomerMessage(t.db, conversationId, "other-id")).toBeNull();
    const next = await appendMessage(t.db, { tenantId, conversationId, role: "bot", text: "hi" });
    expect(next.seq).toBe(2);
  });

  it("stores rows the ORM reads back exactly as returned", async () => {
    const { tenantId, conversationIds: [conversationId] } = await seedConversations(t.db, 1);
    const row = await appendMessage(t.db, { tenantId, conversationId, role: "bot", text: "¿Qué tal? 👋", confidence: 0.75, metadata: { source: null, suggestions: [], language: "es" } }, { conversation: { language: "es", unansweredStreak: 2 } });
    const read = await t.db.message.findUniqueOrThrow({ where: { id: row.id } });
    expect(read).toEqual(row);
    const conv = await t.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect([conv.language, conv.unansweredStreak, conv.lastSeq]).toEqual(["es", 2, 1]);
  });

  it("drops a bot reply once a person owns the conversation, and fails a write to a missing conversation alone", async () => {
    const { tenantId, conversationIds: [owned, free] } = await seedConversations(t.db, 2);
    await t.db.conversation.update({ where: { id: owned }, data: { owner: "agent", status: "assigned" } });
    const [dropped, missing, stored] = await Promise.allSettled([
      appendMessage(t.db, { tenantId, conversationId: owned, role: "bot", text: "late" }, { onlyIfBotOwns: true }),
      appendMessage(t.db, { tenantId, conversationId: "no-such-conversation", role: "bot", text: "lost" }),
      appendMessage(t.db, { tenantId, conversationId: free, role: "bot", text: "kept" }),
    ]);
    expect(dropped).toEqual({ status: "fulfilled", value: null });
    expect(missing.status).toBe("rejected");
    expect(stored.status === "fulfilled" && stored.value.seq).toBe(1);
    expect(await t.db.message.count({ where: { conversationId: owned } })).toBe(0);
  });
});

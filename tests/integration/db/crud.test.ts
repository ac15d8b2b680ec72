// The Prisma client from lib/db on both providers: the same rows read back as the same JS values
// (Json, DateTime), secrets stay hidden unless asked for, constraints hold, data survives a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, dbKind, isUniqueViolation, Prisma, withKeyHash, withPasswordHash, type Db } from "@/lib/db";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/db";

const kinds = await testDbKinds();

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function seedConversation(db: Db) {
  const tenant = await db.tenant.create({ data: { name: "Acme", slug: unique("acme"), widgetKey: unique("pk") } });
  const visitor = await db.visitor.create({ data: { tenantId: tenant.id, language: "es" } });
  const conversation = await db.conversation.create({ data: { tenantId: tenant.id, visitorId: visitor.id } });
  return { tenant, visitor, conversation };
}

describe.each(kinds)("database client on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("reports its provider", () => {
    expect(dbKind(t.db)).toBe(kind);
  });

  it("applies Json defaults and round-trips nested Json values unchanged", async () => {
    const { tenant } = await seedConversation(t.db);
    expect(tenant.allowedOrigins).toEqual([]);
    expect(tenant.languages).toEqual(["en", "es"]);
    expect(tenant.settings).toEqual({});

    const settings = {
      greeting: { en: "Hi! \"Quotes\" and 'apostrophes'", es: "¡Hola! ñandú 🙂" },
      hours: [{ day: 1, open: "09:00", close: "17:30" }],
      threshold: 0.35,
      enabled: true,
      empty: null,
      big: 1234567890123,
    };
    await t.db.tenant.update({ where: { id: tenant.id }, data: { settings, allowedOrigins: ["https://shop.example"] } });
    const back = await t.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(back.settings).toEqual(settings);
    expect(back.allowedOrigins).toEqual(["https://shop.example"]);
  });

  it("round-trips DateTime to the millisecond and filters and orders by it", async () => {
    const { tenant } = await seedConversation(t.db);
    const at = (iso: string) => new Date(iso);
    for (const [i, iso] of ["2031-05-01T10:00:00.001Z", "2031-05-01T10:00:00.250Z", "2031-05-02T00:00:00.000Z"].entries()) {
      await t.db.auditLog.create({ data: { tenantId: tenant.id, action: `a${i}`, createdAt: at(iso) } });
    }
    const rows = await t.db.auditLog.findMany({
      where: { tenantId: tenant.id, createdAt: { gt: at("2031-05-01T10:00:00.001Z"), lte: at("2031-05-02T00:00:00.000Z") } },
      orderBy: { createdAt: "desc" },
    });
    expect(rows.map((r) => r.createdAt.toISOString())).toEqual(["2031-05-02T00:00:00.000Z", "2031-05-01T10:00:00.250Z"]);

    const before = Date.now();
    const fresh = await t.db.auditLog.create({ data: { tenantId: tenant.id, action: "now" } });
    expect(fresh.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(fresh.createdAt.getTime() - before)).toBeLessThan(60_000);
  });

  it("hides password and key hashes unless a query asks for them", async () => {
    const { tenant } = await seedConversation(t.db);
    const email = `${unique("agent")}@example.com`;
    const created = await t.db.account.create({ data: { email, name: "Ana", passwordHash: "$argon2id$fake" } });
    expect(created).not.toHaveProperty("passwordHash");
    await t.db.user.create({ data: { tenantId: tenant.id, accountId: created.id, email, name: "Ana", role: "agent" } });
    expect(await t.db.account.findUnique({ where: { email } })).not.toHaveProperty("passwordHash");
    expect(await t.db.user.findFirst({ where: { email }, include: { account: true } })).not.toHaveProperty("account.passwordHash");
    expect((await t.db.account.findUnique({ where: { email }, omit: withPasswordHash }))?.passwordHash).toBe("$argon2id$fake");

    const prefix = unique("fk");
    await t.db.apiKey.create({ data: { tenantId: tenant.id, name: "ci", prefix, keyHash: "sha256:abc" } });
    expect(await t.db.apiKey.findUnique({ where: { prefix } })).not.toHaveProperty("keyHash");
    expect((await t.db.apiKey.findUnique({ where: { prefix }, omit: withKeyHash }))?.keyHash).toBe("sha256:abc");
  });

  it("rejects a second message with the same clientMessageId in a conversation (P2002)", async () => {
    const { tenant, conversation } = await seedConversation(t.db);
    const msg = { tenantId: tenant.id, conversationId: conversation.id, role: "customer", text: "hola", clientMessageId: "c-1" };
    await t.db.message.create({ data: { ...msg, seq: 1 } });
    const dup = t.db.message.create({ data: { ...msg, seq: 2 } });
    await expect(dup).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(dup).rejects.toMatchObject({ code: "P2002" });
    const err = await dup.catch((e: unknown) => e);
    expect(isUniqueViolation(err, { model: "Message", fields: ["conversationId", "clientMessageId"] })).toBe(true);
    expect(isUniqueViolation(err, { model: "Message", fields: ["conversationId", "seq"] })).toBe(false);
    const seqClash = await t.db.message.create({ data: { ...msg, clientMessageId: "c-2", seq: 1 } }).catch((e: unknown) => e);
    expect(isUniqueViolation(seqClash, { model: "Message", fields: ["conversationId", "seq"] })).toBe(true);
    expect(isUniqueViolation(new Error("nope"))).toBe(false);
    // Messages without a clientMessageId (bot replies) do not collide with each other.
    await t.db.message.create({ data: { ...msg, clientMessageId: null, role: "bot", seq: 3 } });
    await t.db.message.create({ data: { ...msg, clientMessageId: null, role: "bot", seq: 4 } });
    expect(await t.db.message.count({ where: { conversationId: conversation.id } })).toBe(3);
  });

  it("enforces relations: deleting a tenant cascades to its rows", async () => {
    const { tenant, conversation } = await seedConversation(t.db);
    await t.db.message.create({ data: { tenantId: tenant.id, conversationId: conversation.id, role: "customer", text: "x", seq: 1 } });
    await expect(t.db.message.create({ data: { tenantId: "missing", conversationId: conversation.id, role: "x", text: "x", seq: 2 } })).rejects.toThrow();
    await t.db.tenant.delete({ where: { id: tenant.id } });
    expect(await t.db.message.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await t.db.conversation.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("keeps data across closing and reopening the client, without re-applying migrations", async () => {
    const { tenant } = await seedConversation(t.db);
    await t.db.tenant.update({ where: { id: tenant.id }, data: { settings: { kept: true } } });

    const infos: string[] = [];
    const reopened = await createDb({ url: t.url, log: { info: (m) => infos.push(m), warn: (m) => infos.push(m) } });
    try {
      expect(infos).toEqual([]);
      expect((await reopened.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).settings).toEqual({ kept: true });
    } finally {
      await reopened.$disconnect();
    }
    // And the original client keeps working after the other one closed.
    expect(await t.db.tenant.count({ where: { id: tenant.id } })).toBe(1);
  });

  it("runs interactive transactions atomically", async () => {
    const { tenant, conversation } = await seedConversation(t.db);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.conversation.update({ where: { id: conversation.id }, data: { lastSeq: { increment: 1 } } });
        await tx.message.create({ data: { tenantId: tenant.id, conversationId: conversation.id, role: "customer", text: "a", seq: 1 } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).lastSeq).toBe(0);
    expect(await t.db.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});

describe("SQLite connection settings", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("sqlite");
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("uses WAL, a busy timeout, foreign keys and NORMAL sync", async () => {
    const one = async (pragma: string) => Object.values((await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`))[0])[0];
    expect(String(await one("journal_mode")).toLowerCase()).toBe("wal");
    expect(Number(await one("busy_timeout"))).toBe(5000);
    expect(Number(await one("foreign_keys"))).toBe(1);
    expect(Number(await one("synchronous"))).toBe(1); // NORMAL
  });
});


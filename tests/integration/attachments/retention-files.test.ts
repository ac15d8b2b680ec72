// Attachment files follow their conversation: the retention purge deletes the files of the
// conversations it removes (rows by cascade, files from the storage), and keeps those of recent ones.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "@/lib/privacy/retention";
import { LocalDiskStorage, storageKey } from "@/lib/attachments/storage";
import { createTestDb, testDbKinds, type TestDb } from "../../support/db";

const NOW = new Date("2025-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const kinds = await testDbKinds();

describe.each(kinds)("attachment files and the retention purge on %s", (kind) => {
  let t: TestDb;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-attachments-"));
  const storage = new LocalDiskStorage(root);
  const files: Record<string, string> = {};

  beforeAll(async () => {
    (globalThis as unknown as { __faqbotAttachmentStorage?: unknown }).__faqbotAttachmentStorage = storage;
    t = await createTestDb(kind);
    const tenant = await t.db.tenant.create({ data: { name: "Files", slug: `files-${kind}`, widgetKey: `pk_files_${kind}`, settings: { retentionDays: 30 } } });
    const visitor = await t.db.visitor.create({ data: { tenantId: tenant.id, lastSeenAt: daysAgo(1) } });
    for (const [name, age] of [["old", 90], ["recent", 2]] as const) {
      const conv = await t.db.conversation.create({ data: { tenantId: tenant.id, visitorId: visitor.id, createdAt: daysAgo(age), updatedAt: daysAgo(age) } });
      const id = `att${name}`;
      const key = storageKey(tenant.id, id);
      await storage.put(key, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
      await t.db.attachment.create({ data: { id, tenantId: tenant.id, conversationId: conv.id, uploadedBy: "customer", fileName: `${name}.pdf`, contentType: "application/pdf", size: 4, storageKey: key, createdAt: daysAgo(age) } });
      files[name] = path.join(root, key);
    }
  });

  afterAll(async () => {
    delete (globalThis as unknown as { __faqbotAttachmentStorage?: unknown }).__faqbotAttachmentStorage;
    await t?.cleanup();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("removes the expired conversation's file and row, and keeps the recent one's", async () => {
    expect(fs.existsSync(files.old!) && fs.existsSync(files.recent!)).toBe(true);
    await purgeExpired(NOW, { db: t.db });
    expect(fs.existsSync(files.old!)).toBe(false);
    expect(fs.existsSync(files.recent!)).toBe(true);
    expect((await t.db.attachment.findMany({ select: { fileName: true } })).map((a) => a.fileName)).toEqual(["recent.pdf"]);
  });
});

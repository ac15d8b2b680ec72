// Knowledge documents in the database: uploads of several files become one new version; deleting
// and restoring make versions too; a bad file stores nothing; another tenant's documents are out
// of reach; the index answers from the latest version only; with an encoder, vectors are stored
// with the passages; a visitor's data export names the document an answer came from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { deleteDocument, listDocuments, listKnowledgeVersions, readDocument, restoreKnowledgeVersion } from "@/lib/knowledge/documents";
import { uploadKnowledge, previewKnowledgeUpload } from "@/lib/knowledge/files";
import { clearKnowledgeIndexes, knowledgeIndexFor } from "@/lib/knowledge/tenant-index";
import { answerFromDocuments } from "@/lib/knowledge/answer";
import { exportVisitor } from "@/lib/privacy/export-visitor";
import { subscribe } from "@/lib/events/bus";
import { seedTenant } from "@/tests/support/seed";
import { testDbKinds } from "@/tests/support/db";
import { useProcessDb } from "@/tests/support/process-db";
import { makePdf } from "@/tests/support/pdf";

const kinds = await testDbKinds();
const enc = (s: string) => new TextEncoder().encode(s);
const WRAP = { fileName: "gift-wrapping.md", bytes: enc("# Gift wrapping\n\nWe wrap any order in recycled paper for $3.50. Add it at checkout.") };
const RENT = { fileName: "rentals.html", bytes: enc("<h1>Renting gear</h1><p>Rent tents and backpacks for 3, 7 or 14 days. We hold a $100 deposit on your credit card.</p>") };

describe.each(kinds)("knowledge documents on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await useProcessDb(kind));
    clearKnowledgeIndexes();
  });
  afterAll(async () => cleanup?.());

  it("stores an upload of several files as one version, lists, reads and indexes them at once", async () => {
    const t = await seedTenant(db);
    const events: string[] = [];
    const off = subscribe("knowledge.changed", (e) => void (e.tenantId === t.tenantId && events.push(e.versionId)));
    const { version, documents } = await uploadKnowledge(t.tenantId, [WRAP, RENT], { id: t.admin.id, kind: "user" });
    off();
    expect(version).toMatchObject({ number: 1, source: "upload", documentCount: 2 });
    expect(events).toEqual([version.id]);
    expect(documents.map((d) => [d.title, d.format])).toEqual([["Gift wrapping", "markdown"], ["Renting gear", "html"]]);
    const tdb = await tenantDb(t.tenantId);
    expect((await listDocuments(tdb)).documents).toHaveLength(2);
    expect((await listDocuments(tdb, "deposit")).documents.map((d) => d.title)).toEqual(["Renting gear"]);
    expect((await readDocument(tdb, documents[0]!.id)).text).toContain("$3.50");
    const index = await knowledgeIndexFor(t.tenantId);
    const a = answerFromDocuments(index!, "Do you offer gift wrapping?", { language: "en" });
    expect(a?.quote).toContain("$3.50");
    expect(a?.best.passage.url).toBe(`/help/${t.widgetKey}/${documents[0]!.id}`);
    expect(await db.auditLog.count({ where: { tenantId: t.tenantId, action: "knowledge.upload", target: version.id } })).toBe(1);
  });

  it("stores nothing when any file of an upload is bad, and reports each bad file", async () => {
    const t = await seedTenant(db);
    await uploadKnowledge(t.tenantId, [WRAP], { id: t.admin.id });
    const files = [RENT, { fileName: "empty.txt", bytes: new Uint8Array(0) }, { fileName: "scan.pdf", bytes: makePdf([[]]) }, { fileName: "manual.docx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }];
    const preview = await previewKnowledgeUpload(t.tenantId, files);
    expect(preview.ok).toBe(false);
    expect(preview.files.map((f) => [f.fileName, f.ok, f.error?.code ?? null])).toEqual([["rentals.html", true, null], ["empty.txt", false, "empty"], ["scan.pdf", false, "pdf_no_text"], ["manual.docx", false, "binary"]]);
    const err = await uploadKnowledge(t.tenantId, files, { id: t.admin.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("validation_failed");
    expect((err as AppError).message).toContain("Nothing was saved");
    expect(((err as AppError).details as { errors: { file: string }[] }).errors.map((e) => e.file)).toEqual(["empty.txt", "scan.pdf", "manual.docx"]);
    const tdb = await tenantDb(t.tenantId);
    expect(await listKnowledgeVersions(tdb)).toHaveLength(1);
    expect(await db.knowledgeDocument.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("deletes and restores as new versions; the index follows the latest version", async () => {
    const t = await seedTenant(db);
    const { documents } = await uploadKnowledge(t.tenantId, [WRAP, RENT], { id: t.admin.id });
    expect(answerFromDocuments((await knowledgeIndexFor(t.tenantId))!, "Do you offer gift wrapping?", { language: "en" })).not.toBeNull();
    const { version: v2 } = await deleteDocument(t.tenantId, documents[0]!.id, { id: t.admin.id });
    expect(v2).toMatchObject({ number: 2, source: "delete", documentCount: 1, note: "removed Gift wrapping" });
    expect(answerFromDocuments((await knowledgeIndexFor(t.tenantId))!, "Do you offer gift wrapping?", { language: "en" })).toBeNull();
    const tdb = await tenantDb(t.tenantId);
    await expect(readDocument(tdb, documents[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    const versions = await listKnowledgeVersions(tdb);
    const { version: v3 } = await restoreKnowledgeVersion(t.tenantId, versions.find((v) => v.number === 1)!.id, { id: t.admin.id });
    expect(v3).toMatchObject({ number: 3, source: "restore", documentCount: 2 });
    expect(answerFromDocuments((await knowledgeIndexFor(t.tenantId))!, "Do you offer gift wrapping?", { language: "en" })?.best.passage.documentId).toBe(documents[0]!.id);
    // Unchanged documents are shared between versions, not copied.
    expect(await db.knowledgeDocument.count({ where: { tenantId: t.tenantId } })).toBe(2);
  });

  it("keeps every tenant to its own documents", async () => {
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    const { documents } = await uploadKnowledge(a.tenantId, [WRAP], { id: a.admin.id });
    const bdb = await tenantDb(b.tenantId);
    expect((await listDocuments(bdb)).documents).toEqual([]);
    await expect(readDocument(bdb, documents[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDocument(b.tenantId, documents[0]!.id, { id: b.admin.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await knowledgeIndexFor(b.tenantId)).toBeNull();
    expect((await listDocuments(await tenantDb(a.tenantId))).documents).toHaveLength(1);
  });

  it("stores passage vectors from an encoder once, and re-embeds for another encoder", async () => {
    const t = await seedTenant(db);
    await uploadKnowledge(t.tenantId, [WRAP, RENT], { id: t.admin.id });
    let calls = 0;
    const encoder = (id: string) => ({ id, embed: async (texts: string[]) => (calls++, texts.map((s) => Float32Array.from([s.length % 7, 1, 0.5]))) });
    clearKnowledgeIndexes();
    const index = await knowledgeIndexFor(t.tenantId, encoder("enc-a"));
    expect(index!.passages.every((p) => p.embedding?.length === 3)).toBe(true);
    const stored = await db.knowledgePassage.findMany({ where: { tenantId: t.tenantId } });
    expect(stored.every((p) => p.embeddingModel === "enc-a" && p.embedding?.byteLength === 12)).toBe(true);
    clearKnowledgeIndexes();
    calls = 0;
    await knowledgeIndexFor(t.tenantId, encoder("enc-a"));
    expect(calls).toBe(0);
    clearKnowledgeIndexes();
    await knowledgeIndexFor(t.tenantId, encoder("enc-b"));
    expect(calls).toBeGreaterThan(0);
  });

  it("names the document an answer came from in the visitor's data export", async () => {
    const t = await seedTenant(db);
    const visitor = await db.visitor.create({ data: { tenantId: t.tenantId } });
    const conv = await db.conversation.create({ data: { tenantId: t.tenantId, visitorId: visitor.id } });
    await db.message.createMany({
      data: [
        { tenantId: t.tenantId, conversationId: conv.id, seq: 1, role: "customer", text: "Do you offer gift wrapping?" },
        { tenantId: t.tenantId, conversationId: conv.id, seq: 2, role: "bot", text: "We wrap any order in recycled paper for $3.50.", metadata: { source: { key: "doc:d1", question: "Gift wrapping", url: "https://shop.example/wrap", kind: "document" } } },
        { tenantId: t.tenantId, conversationId: conv.id, seq: 3, role: "bot", text: "Shipping is free over $50.", metadata: { source: { key: "shipping", question: "Is shipping free?" } } },
      ],
    });
    const out = await exportVisitor(await tenantDb(t.tenantId), visitor.id, { id: t.admin.id });
    expect(out.conversations[0]!.messages.map((m) => m.source)).toEqual([null, { document: "Gift wrapping", url: "https://shop.example/wrap" }, { faqEntry: "shipping", question: "Is shipping free?" }]);
  });
});

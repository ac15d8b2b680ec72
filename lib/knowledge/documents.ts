// Knowledge documents and their versions. Every change — an upload of one or many files, an API
// call, a deletion, a restore — makes a new numbered version listing the documents it holds, in
// one transaction; documents and passages are stored once and shared by the versions that hold
// them. The bot answers from the latest version. An upload with any bad file stores nothing.
import crypto from "node:crypto";
import { isUniqueViolation } from "@/lib/db";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { publish } from "@/lib/events/bus";
import type { DocumentDraft } from "./read-document";

export interface KnowledgeActor {
  id?: string | null;
  kind?: "user" | "api_key" | "system";
}

export interface DocumentView {
  id: string;
  title: string;
  url: string | null;
  format: string;
  fileName: string | null;
  language: string;
  byteSize: number;
  passageCount: number;
  createdAt: string;
}

export interface KnowledgeVersionView {
  id: string;
  number: number;
  source: string;
  note: string | null;
  documentCount: number;
  createdAt: string;
}

type DocumentRow = { id: string; title: string; url: string | null; format: string; fileName: string | null; language: string; byteSize: number; passageCount: number; createdAt: Date };

export const DOCUMENT_SELECT = { id: true, title: true, url: true, format: true, fileName: true, language: true, byteSize: true, passageCount: true, createdAt: true } as const;

export function documentView(d: DocumentRow): DocumentView {
  return { id: d.id, title: d.title, url: d.url, format: d.format, fileName: d.fileName, language: d.language, byteSize: d.byteSize, passageCount: d.passageCount, createdAt: d.createdAt.toISOString() };
}

function versionView(v: { id: string; number: number; source: string; note: string | null; documentCount: number; createdAt: Date }): KnowledgeVersionView {
  return { id: v.id, number: v.number, source: v.source, note: v.note, documentCount: v.documentCount, createdAt: v.createdAt.toISOString() };
}

/** The latest version (null before the first document). */
export function latestKnowledgeVersion(db: TenantDb) {
  return db.knowledgeVersion.findFirst({ orderBy: { number: "desc" }, select: { id: true, number: true } });
}

/** The documents of the latest version, newest first; `q` filters by title, file name or text. */
export async function listDocuments(db: TenantDb, q?: string): Promise<{ version: { id: string; number: number } | null; documents: DocumentView[] }> {
  const version = await latestKnowledgeVersion(db);
  if (!version) return { version: null, documents: [] };
  const term = q?.trim();
  const rows = await db.knowledgeDocument.findMany({
    where: { versions: { some: { versionId: version.id } }, ...(term ? { OR: [{ title: { contains: term } }, { fileName: { contains: term } }, { text: { contains: term } }] } : {}) },
    orderBy: { createdAt: "desc" },
    select: DOCUMENT_SELECT,
  });
  return { version, documents: rows.map(documentView) };
}

export async function listKnowledgeVersions(db: TenantDb, limit = 100): Promise<KnowledgeVersionView[]> {
  const rows = await db.knowledgeVersion.findMany({ orderBy: { number: "desc" }, take: limit });
  return rows.map(versionView);
}

/** One document of the latest version with its text (the admin's view and the public page). */
export async function readDocument(db: TenantDb, id: string) {
  const version = await latestKnowledgeVersion(db);
  const row = version ? await db.knowledgeDocument.findFirst({ where: { id, versions: { some: { versionId: version.id } } }, select: { ...DOCUMENT_SELECT, text: true } }) : null;
  if (!row) throw new AppError("not_found", "Document not found. It may have been deleted.");
  return { ...documentView(row), text: row.text };
}

/**
 * The next version: the latest one's documents minus `remove`, plus `add` (stored now). A document
 * added again with the same text and title replaces the earlier copy.
 */
async function changeDocuments(tenantId: string, change: { add?: DocumentDraft[]; remove?: string[]; keepOnly?: string[] }, opts: { source: string; note: string; actor: KnowledgeActor }) {
  const db = await tenantDb(tenantId);
  const added: DocumentRow[] = [];
  const version = await db
    .$transaction(async (tx) => {
      const last = await tx.knowledgeVersion.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: { id: true, number: true } });
      let keep = last ? (await tx.knowledgeVersionDocument.findMany({ where: { tenantId, versionId: last.id }, select: { documentId: true } })).map((r) => r.documentId) : [];
      if (change.keepOnly) keep = change.keepOnly;
      if (change.remove) keep = keep.filter((id) => !change.remove!.includes(id));
      for (const d of change.add ?? []) {
        const contentHash = crypto.createHash("sha256").update(`${d.title}\n${d.url ?? ""}\n${d.text}`).digest("hex");
        const same = keep.length ? await tx.knowledgeDocument.findMany({ where: { tenantId, id: { in: keep }, contentHash }, select: { id: true } }) : [];
        keep = keep.filter((id) => !same.some((s) => s.id === id));
        const row = await tx.knowledgeDocument.create({
          data: { tenantId, title: d.title, url: d.url, format: d.format, fileName: d.fileName, language: d.language, text: d.text, byteSize: d.byteSize, passageCount: d.passages.length, contentHash, createdById: opts.actor.kind === "user" || !opts.actor.kind ? (opts.actor.id ?? null) : null },
          select: DOCUMENT_SELECT,
        });
        await tx.knowledgePassage.createMany({ data: d.passages.map((p) => ({ tenantId, documentId: row.id, position: p.position, heading: p.heading, text: p.text })) });
        keep.push(row.id);
        added.push(row);
      }
      const v = await tx.knowledgeVersion.create({
        data: { tenantId, number: (last?.number ?? 0) + 1, source: opts.source, note: opts.note.slice(0, 500), documentCount: keep.length, createdById: opts.actor.kind === "user" || !opts.actor.kind ? (opts.actor.id ?? null) : null },
      });
      if (keep.length) await tx.knowledgeVersionDocument.createMany({ data: keep.map((documentId) => ({ tenantId, versionId: v.id, documentId })) });
      return v;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError("conflict", "Someone changed the documents at the same moment. Reload to see their change, then try again.");
      throw err;
    });
  await recordAudit({ tenantId, actorId: opts.actor.id ?? null, actorKind: opts.actor.kind ?? "user", action: `knowledge.${opts.source}`, target: version.id, details: { version: version.number, documents: version.documentCount, note: version.note } });
  publish("knowledge.changed", { tenantId, versionId: version.id });
  return { version: versionView(version), documents: added.map(documentView) };
}

export function addDocuments(tenantId: string, drafts: DocumentDraft[], opts: { source: "upload" | "api"; actor: KnowledgeActor }) {
  if (drafts.length === 0) throw new AppError("bad_request", "Choose at least one document to upload.");
  const names = drafts.map((d) => d.title);
  const note = `added ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}`;
  return changeDocuments(tenantId, { add: drafts }, { ...opts, note });
}

export async function deleteDocument(tenantId: string, id: string, actor: KnowledgeActor) {
  const db = await tenantDb(tenantId);
  const doc = await readDocument(db, id);
  return changeDocuments(tenantId, { remove: [id] }, { source: "delete", note: `removed ${doc.title}`, actor });
}

/** A new version with the documents an earlier version held (undoing later uploads and deletions). */
export async function restoreKnowledgeVersion(tenantId: string, versionId: string, actor: KnowledgeActor) {
  const db = await tenantDb(tenantId);
  const v = await db.knowledgeVersion.findFirst({ where: { id: versionId } });
  if (!v) throw new AppError("not_found", "Knowledge version not found.");
  const docs = await db.knowledgeVersionDocument.findMany({ where: { versionId: v.id }, select: { documentId: true } });
  return changeDocuments(tenantId, { keepOnly: docs.map((d) => d.documentId) }, { source: "restore", note: `restored version ${v.number}`, actor });
}

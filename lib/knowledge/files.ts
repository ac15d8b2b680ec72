// Knowledge documents over HTTP: reading an upload of one or many files (multipart "file" fields,
// with an optional "url" when there is one file), the API's JSON body `{ title, content, url? }`,
// the preview (every file read, nothing stored) and the save (all files good, or nothing stored).
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { readBodyCapped, readFormCapped } from "@/lib/http/body";
import { parse } from "@/lib/http/parse";
import { readDocumentFile, readDocumentText, type DocumentDraft, type DocumentErrorCode } from "./read-document";
import { addDocuments, type KnowledgeActor } from "./documents";

/** At most this many files in one upload. */
export const MAX_FILES = 20;

export interface UploadedDocument {
  fileName: string;
  bytes: Uint8Array;
  contentType?: string;
  url?: string | null;
}

export interface FilePreview {
  fileName: string;
  ok: boolean;
  /** Why the file cannot be used (ok false). */
  error?: { code: DocumentErrorCode; message: string };
  warnings: string[];
  document?: { title: string; format: string; language: string; url: string | null; words: number; passageCount: number; passages: Array<{ heading: string | null; text: string }> };
}

const ZUrl = z.string().trim().max(2000).url("Give the article's address as a full URL (https://…)").refine((u) => /^https?:\/\//i.test(u), "The URL must start with http:// or https://");

export async function readKnowledgeUpload(req: Request): Promise<UploadedDocument[]> {
  const max = env().MAX_UPLOAD_BYTES;
  // Room for several files; each is checked against the per-file limit when read.
  const form = await readFormCapped(req, max * 4, { hint: `Upload fewer files at once (each up to ${Math.round(max / 1024 / 1024)} MB).` });
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
  if (files.length === 0) throw new AppError("bad_request", "Choose at least one document to upload (Markdown, HTML, plain text or PDF).");
  if (files.length > MAX_FILES) throw new AppError("bad_request", `Upload at most ${MAX_FILES} documents at once.`);
  const rawUrl = form.get("url");
  const url = typeof rawUrl === "string" && rawUrl.trim() ? parse(ZUrl, rawUrl, "body") : null;
  if (url && files.length > 1) throw new AppError("bad_request", "A link can be given for one document at a time; upload that document on its own.");
  return Promise.all(files.map(async (f) => ({ fileName: f.name || "document", bytes: new Uint8Array(await f.arrayBuffer()), contentType: f.type || undefined, url })));
}

async function readAll(tenantId: string, files: UploadedDocument[]) {
  const tenant = await (await tenantDb(tenantId)).tenant.findFirstOrThrow({ select: { defaultLanguage: true } });
  const opts = { maxBytes: env().MAX_UPLOAD_BYTES, defaultLanguage: tenant.defaultLanguage };
  return Promise.all(files.map(async (f) => ({ file: f, read: await readDocumentFile(f, opts) })));
}

function previewOf(fileName: string, read: Awaited<ReturnType<typeof readDocumentFile>>): FilePreview {
  if (!read.ok) return { fileName, ok: false, error: { code: read.code, message: read.message }, warnings: [] };
  const d = read.document;
  return {
    fileName,
    ok: true,
    warnings: read.warnings,
    document: { title: d.title, format: d.format, language: d.language, url: d.url, words: d.text.split(/\s+/).filter(Boolean).length, passageCount: d.passages.length, passages: d.passages.slice(0, 3).map((p) => ({ heading: p.heading, text: p.text })) },
  };
}

/** Reads every file and reports each one; stores nothing. */
export async function previewKnowledgeUpload(tenantId: string, files: UploadedDocument[]): Promise<{ ok: boolean; files: FilePreview[] }> {
  const results = await readAll(tenantId, files);
  const previews = results.map((r) => previewOf(r.file.fileName, r.read));
  return { ok: previews.every((p) => p.ok), files: previews };
}

function refuse(errors: Array<{ fileName: string; message: string; code: string }>, what = "upload"): never {
  const n = errors.length;
  throw new AppError("validation_failed", `${n === 1 ? errors[0].message : `${n} documents cannot be used.`} Nothing was saved${what === "upload" && n > 0 ? "; fix or remove the file and upload again" : ""}.`, {
    details: { errors: errors.map((e) => ({ line: null, code: e.code, message: e.message, file: e.fileName })) },
  });
}

/** Stores the files as a new knowledge version, or nothing when any file cannot be used. */
export async function uploadKnowledge(tenantId: string, files: UploadedDocument[], actor: KnowledgeActor) {
  const results = await readAll(tenantId, files);
  const bad = results.flatMap((r) => (r.read.ok ? [] : [{ fileName: r.file.fileName, message: r.read.message, code: r.read.code }]));
  if (bad.length) refuse(bad);
  const drafts = results.map((r) => (r.read as { ok: true; document: DocumentDraft }).document);
  return addDocuments(tenantId, drafts, { source: "upload", actor });
}

export const ZKnowledgeApiDocument = z.object({
  title: z.string().trim().min(1, "Give the document a title").max(200),
  content: z.string({ error: "Send the article's text in content (Markdown, HTML or plain text)" }),
  url: ZUrl.optional().nullable(),
});

/** The API's POST body: one document as JSON. */
export async function uploadKnowledgeFromApi(tenantId: string, req: Request, actor: KnowledgeActor) {
  if (!(req.headers.get("content-type") ?? "").startsWith("application/json")) throw new AppError("bad_request", 'Send application/json with { "title": "…", "content": "…", "url": "https://…" (optional) }.');
  const max = env().MAX_UPLOAD_BYTES;
  const body = new TextDecoder().decode(await readBodyCapped(req, max + 64 * 1024, { what: "The request body", statedLimit: max, hint: "Split the article into smaller ones." }));
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
  const input = parse(ZKnowledgeApiDocument, raw, "body");
  const tenant = await (await tenantDb(tenantId)).tenant.findFirstOrThrow({ select: { defaultLanguage: true } });
  const read = readDocumentText(input, { maxBytes: max, defaultLanguage: tenant.defaultLanguage });
  if (!read.ok) refuse([{ fileName: input.title, message: read.message, code: read.code }], "api");
  return addDocuments(tenantId, [read.document], { source: "api", actor });
}

// Owns the FAQ part of the public API (/api/v1/faq): reading versions and entries through the
// tenant guard, and turning an API upload (a multipart file, or a JSON body `{ entries }`) into a
// new FAQ version. A JSON body goes through the same reader as an uploaded .json file, so its
// errors name lines of the body the client sent; any error saves nothing.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { readBodyCapped, readFormCapped } from "@/lib/http/body";
import { createFaqVersion, previewFaqUpload, type FaqActor } from "@/lib/faq/versions";
import type { TenantDb } from "@/lib/tenancy/guard";

export const ZFaqQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export async function listFaqVersions(db: TenantDb) {
  const rows = await db.faqVersion.findMany({ orderBy: { number: "desc" }, take: 500 });
  return rows.map((v) => ({ id: v.id, number: v.number, source: v.source, fileName: v.fileName, entryCount: v.entryCount, createdAt: v.createdAt.toISOString() }));
}

/** The entries of version `number` (the latest when omitted). */
export async function getFaqVersion(db: TenantDb, number?: number) {
  const version = await db.faqVersion.findFirst({ where: number ? { number } : {}, orderBy: { number: "desc" } });
  if (!version) throw new AppError("not_found", number ? `FAQ version ${number} does not exist.` : "This workspace has no FAQ yet. Upload one with POST /api/v1/faq.");
  const rows = await db.faqEntry.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
  return {
    version: { id: version.id, number: version.number, source: version.source, entryCount: version.entryCount, createdAt: version.createdAt.toISOString() },
    entries: rows.map((r) => ({ key: r.key, question: r.question, alternatives: (r.alternatives as string[]) ?? [], answer: r.answer, category: r.category, language: r.language })),
  };
}

/** Reads the upload from the request, validates it and stores a new version ("api" source). */
export async function uploadFaqFromRequest(tenantId: string, req: Request, actor: FaqActor) {
  const file = await readUpload(req);
  const preview = await previewFaqUpload(tenantId, file);
  if (!preview.ok) {
    const n = preview.errors.length;
    throw new AppError("validation_failed", `The FAQ has ${n} error${n === 1 ? "" : "s"}; nothing was saved.`, { details: { errors: preview.errors, format: preview.format } });
  }
  const { version, warnings } = await createFaqVersion(tenantId, preview.entries, { source: "api", fileName: file.fileName, actor, warnings: preview.warnings });
  return { version: { id: version.id, number: version.number, entryCount: version.entryCount, createdAt: version.createdAt.toISOString() }, warnings };
}

async function readUpload(req: Request): Promise<{ fileName: string; bytes: Uint8Array; contentType?: string }> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await readFormCapped(req, env().MAX_UPLOAD_BYTES);
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("bad_request", 'Send the FAQ file in a form field named "file".');
    return { fileName: file.name || "faq", bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type || undefined };
  }
  if (type.startsWith("application/json")) {
    return { fileName: "api.json", bytes: await readBodyCapped(req, env().MAX_UPLOAD_BYTES, "The request body"), contentType: "application/json" };
  }
  throw new AppError("bad_request", 'Send either multipart/form-data with a "file" field or application/json with { "entries": [...] }.');
}

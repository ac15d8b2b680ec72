// Owns the FAQ manager's reads: the version history, one version's entries, the diff between two
// versions, an export file, and reading an uploaded file out of a multipart form. Writes go through
// lib/faq/versions.ts (uploads) and lib/faq/edit.ts (inline edits).
import "server-only";
import { z } from "zod";
import { tenantDb } from "@/lib/tenancy/guard";
import { env } from "@/lib/env";
import { readFormCapped } from "@/lib/http/body";
import { AppError } from "@/lib/errors/app-error";
import { faqEntries } from "@/lib/faq/versions";
import { diffFaqEntries } from "@/lib/faq/diff";
import { faqToCsv, faqToJson, faqToMarkdown } from "@/lib/faq/export";
import type { TenantDb } from "@/lib/tenancy/guard";

export interface FaqVersionView {
  id: string;
  number: number;
  source: string;
  fileName: string | null;
  entryCount: number;
  createdAt: string;
  createdBy: string | null;
}

export async function listFaqVersions(db: TenantDb): Promise<FaqVersionView[]> {
  const rows = await db.faqVersion.findMany({ orderBy: { number: "desc" }, take: 200 });
  const authorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const authors = authorIds.length ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    source: r.source,
    fileName: r.fileName,
    entryCount: r.entryCount,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
  }));
}

/** One version's entries (the latest when no id is given); not_found for another tenant's id. */
export async function readFaqVersion(tenantId: string, versionId?: string) {
  const { version, entries } = await faqEntries(await tenantDb(tenantId), versionId);
  if (versionId && !version) throw new AppError("not_found", "FAQ version not found.");
  return { version: version ? { id: version.id, number: version.number, source: version.source, createdAt: version.createdAt.toISOString() } : null, entries };
}

export async function diffFaqVersions(tenantId: string, fromId: string, toId: string) {
  const [from, to] = await Promise.all([readFaqVersion(tenantId, fromId), readFaqVersion(tenantId, toId)]);
  return { from: from.version, to: to.version, diff: diffFaqEntries(from.entries, to.entries) };
}

export const ZExportFormat = z.enum(["csv", "json", "markdown"]);
export type ExportFormat = z.infer<typeof ZExportFormat>;

const FORMATS: Record<ExportFormat, { ext: string; type: string }> = {
  csv: { ext: "csv", type: "text/csv; charset=utf-8" },
  json: { ext: "json", type: "application/json; charset=utf-8" },
  markdown: { ext: "md", type: "text/markdown; charset=utf-8" },
};

export async function exportFaq(tenantId: string, format: ExportFormat, versionId?: string) {
  const { version, entries } = await readFaqVersion(tenantId, versionId);
  if (!version) throw new AppError("not_found", "There is no FAQ to export yet. Upload one first.");
  // Excel opens a UTF-8 CSV with accents intact only when it starts with a byte order mark.
  const body = format === "csv" ? faqToCsv(entries, { bom: true }) : format === "json" ? faqToJson(entries) : faqToMarkdown(entries);
  return { body, contentType: FORMATS[format].type, fileName: `faq-v${version.number}.${FORMATS[format].ext}` };
}

/** A small bilingual example FAQ, for the empty state's "download a sample" link. */
export function sampleFaq(format: ExportFormat) {
  const entries = [
    { key: "shipping-cost", question: "How much does shipping cost?", alternatives: ["Is shipping free?", "delivery fee"], answer: "Standard shipping costs €4.95; it is free over €50.", category: "Shipping", language: "en" },
    { key: "coste-envio", question: "¿Cuánto cuesta el envío?", alternatives: ["¿Es gratis el envío?", "gastos de envío"], answer: "El envío cuesta 4,95 €.\nEs gratis desde 50 €.", category: "Envíos", language: "es" },
    { key: "returns", question: "How do I return an item?", alternatives: ["return policy"], answer: "You have 30 days to return it from \"My orders\".", category: "Returns", language: "en" },
    { key: "devoluciones", question: "¿Cómo devuelvo un producto?", alternatives: ["política de devoluciones"], answer: "Tienes 30 días para devolverlo desde \"Mis pedidos\".", category: "Devoluciones", language: "es" },
  ];
  const body = format === "csv" ? faqToCsv(entries, { bom: true }) : format === "json" ? faqToJson(entries) : faqToMarkdown(entries);
  return { body, contentType: FORMATS[format].type, fileName: `faq-sample.${FORMATS[format].ext}` };
}

/** The `file` field of a multipart upload, as the FAQ importer wants it. */
export async function readUploadedFile(req: Request): Promise<{ fileName: string; bytes: Uint8Array; contentType?: string }> {
  const form = await readFormCapped(req, env().MAX_UPLOAD_BYTES);
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("bad_request", "Choose a file to upload (CSV, JSON or Markdown).");
  return { fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type || undefined };
}

export function fileResponse(file: { body: string; contentType: string; fileName: string }): Response {
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" },
  });
}

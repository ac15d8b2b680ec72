// FAQ files over HTTP: reading an upload (a multipart "file" field; for the public API also a
// JSON body `{ entries }`, read like an uploaded .json file so its errors name lines of the body),
// storing it as a version, and the export and sample downloads.
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { readBodyCapped, readFormCapped } from "@/lib/http/body";
import { createFaqVersion, previewFaqUpload, type FaqActor } from "@/lib/faq/versions";
import { readFaqVersion } from "@/lib/faq/history";
import { faqToCsv, faqToJson, faqToMarkdown } from "@/lib/faq/export";
import type { FaqEntryInput } from "@/lib/faq/import/types";

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** The `file` field of a multipart upload; with `json: true`, an application/json body too. */
export async function readFaqUpload(req: Request, opts: { json?: boolean; missing?: string; name?: string } = {}): Promise<UploadedFile> {
  const type = req.headers.get("content-type") ?? "";
  if (opts.json && type.startsWith("application/json")) {
    return { fileName: "api.json", bytes: await readBodyCapped(req, env().MAX_UPLOAD_BYTES, "The request body"), contentType: "application/json" };
  }
  if (opts.json && !type.startsWith("multipart/form-data")) {
    throw new AppError("bad_request", 'Send either multipart/form-data with a "file" field or application/json with { "entries": [...] }.');
  }
  const form = await readFormCapped(req, env().MAX_UPLOAD_BYTES);
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("bad_request", opts.missing ?? "Choose a file to upload (CSV, JSON or Markdown).");
  return { fileName: file.name || (opts.name ?? "upload"), bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type || undefined };
}

/** The public API's upload: validated completely, stored as a new version ("api" source) or not at all. */
export async function uploadFaqFromRequest(tenantId: string, req: Request, actor: FaqActor) {
  const file = await readFaqUpload(req, { json: true, name: "faq", missing: 'Send the FAQ file in a form field named "file".' });
  const preview = await previewFaqUpload(tenantId, file);
  if (!preview.ok) {
    const n = preview.errors.length;
    throw new AppError("validation_failed", `The FAQ has ${n} error${n === 1 ? "" : "s"}; nothing was saved.`, { details: { errors: preview.errors, format: preview.format } });
  }
  const { version, warnings } = await createFaqVersion(tenantId, preview.entries, { source: "api", fileName: file.fileName, actor, warnings: preview.warnings });
  return { version: { id: version.id, number: version.number, entryCount: version.entryCount, createdAt: version.createdAt.toISOString() }, warnings };
}

export const ZExportFormat = z.enum(["csv", "json", "markdown"]);
export type ExportFormat = z.infer<typeof ZExportFormat>;

const FORMATS: Record<ExportFormat, { ext: string; type: string }> = {
  csv: { ext: "csv", type: "text/csv; charset=utf-8" },
  json: { ext: "json", type: "application/json; charset=utf-8" },
  markdown: { ext: "md", type: "text/markdown; charset=utf-8" },
};

function faqFile(entries: FaqEntryInput[], format: ExportFormat, name: string) {
  // Excel opens a UTF-8 CSV with accents intact only when it starts with a byte order mark.
  const body = format === "csv" ? faqToCsv(entries, { bom: true }) : format === "json" ? faqToJson(entries) : faqToMarkdown(entries);
  return { body, contentType: FORMATS[format].type, fileName: `${name}.${FORMATS[format].ext}` };
}

export async function exportFaq(tenantId: string, format: ExportFormat, versionId?: string) {
  const { version, entries } = await readFaqVersion(tenantId, versionId);
  if (!version) throw new AppError("not_found", "There is no FAQ to export yet. Upload one first.");
  return faqFile(entries, format, `faq-v${version.number}`);
}

/** A small bilingual example FAQ, for the empty state's "download a sample" link. */
export function sampleFaq(format: ExportFormat) {
  const entries = [
    { key: "shipping-cost", question: "How much does shipping cost?", alternatives: ["Is shipping free?", "delivery fee"], answer: "Standard shipping costs €4.95; it is free over €50.", category: "Shipping", language: "en" },
    { key: "coste-envio", question: "¿Cuánto cuesta el envío?", alternatives: ["¿Es gratis el envío?", "gastos de envío"], answer: "El envío cuesta 4,95 €.\nEs gratis desde 50 €.", category: "Envíos", language: "es" },
    { key: "returns", question: "How do I return an item?", alternatives: ["return policy"], answer: "You have 30 days to return it from \"My orders\".", category: "Returns", language: "en" },
    { key: "devoluciones", question: "¿Cómo devuelvo un producto?", alternatives: ["política de devoluciones"], answer: "Tienes 30 días para devolverlo desde \"Mis pedidos\".", category: "Devoluciones", language: "es" },
  ];
  return faqFile(entries, format, "faq-sample");
}

export function fileResponse(file: { body: string; contentType: string; fileName: string }): Response {
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" },
  });
}

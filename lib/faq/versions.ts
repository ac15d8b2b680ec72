// FAQ versions: every change to a tenant's FAQ (an upload, an inline edit, "add to FAQ" from an
// unanswered question, an API call) creates a new numbered version with all its entries, in one
// transaction. An upload with any error changes nothing and returns every error with its line.
import { getDb, isUniqueViolation } from "@/lib/db";
import type { TenantDb } from "@/lib/tenancy/guard";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { parseFaqFile, type FaqEntryInput, type FaqImportError } from "@/lib/faq/import";

export interface FaqActor {
  id?: string | null;
  kind?: "user" | "api_key" | "system";
}

export interface FaqPreview {
  ok: boolean;
  format: string | null;
  entries: FaqEntryInput[];
  errors: FaqImportError[];
  warnings: FaqImportError[];
}

/** Parses and validates an upload without saving anything (the admin's preview). */
export async function previewFaqUpload(tenantId: string, file: { fileName: string; bytes: Uint8Array; contentType?: string }): Promise<FaqPreview> {
  if (file.bytes.byteLength > env().MAX_UPLOAD_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new AppError("payload_too_large", `The file is ${mb(file.bytes.byteLength)} MB; the limit is ${mb(env().MAX_UPLOAD_BYTES)} MB. Split the FAQ or remove unused entries.`);
  }
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { defaultLanguage: true } });
  const result = parseFaqFile(file, { maxBytes: env().MAX_UPLOAD_BYTES, defaultLanguage: tenant.defaultLanguage });
  return result.ok
    ? { ok: true, format: result.format, entries: result.entries, errors: [], warnings: result.warnings }
    : { ok: false, format: result.format, entries: [], errors: result.errors, warnings: [] };
}

/** Validates and stores an upload as a new FAQ version; throws validation_failed (with every error) otherwise. */
export async function uploadFaq(tenantId: string, file: { fileName: string; bytes: Uint8Array; contentType?: string }, actor: FaqActor) {
  const preview = await previewFaqUpload(tenantId, file);
  if (!preview.ok) {
    const n = preview.errors.length;
    throw new AppError("validation_failed", `The file has ${n} error${n === 1 ? "" : "s"}; nothing was saved. Fix ${n === 1 ? "it" : "them"} and upload again.`, {
      details: { errors: preview.errors, format: preview.format },
    });
  }
  return createFaqVersion(tenantId, preview.entries, { source: "upload", fileName: file.fileName, actor, warnings: preview.warnings });
}

/** Stores a complete set of entries as the tenant's next FAQ version. */
export async function createFaqVersion(
  tenantId: string,
  entries: FaqEntryInput[],
  opts: { source: "upload" | "edit" | "api" | "seed"; fileName?: string | null; actor: FaqActor; warnings?: FaqImportError[] },
) {
  if (entries.length === 0) throw new AppError("validation_failed", "An FAQ needs at least one entry.");
  const db = await getDb();
  const version = await db
    .$transaction(async (tx) => {
    const last = await tx.faqVersion.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: { number: true } });
    const v = await tx.faqVersion.create({
      data: { tenantId, number: (last?.number ?? 0) + 1, source: opts.source, fileName: opts.fileName ?? null, entryCount: entries.length, createdById: opts.actor.kind === "user" || !opts.actor.kind ? (opts.actor.id ?? null) : null },
    });
    await tx.faqEntry.createMany({
      data: entries.map((e, i) => ({ tenantId, versionId: v.id, key: e.key, question: e.question, alternatives: e.alternatives, answer: e.answer, category: e.category, language: e.language, position: i })),
    });
    return v;
    })
    .catch((err: unknown) => {
      // Two saves at the same moment computed the same version number: one wins, one is told.
      if (isUniqueViolation(err)) throw new AppError("conflict", "Someone saved the FAQ at the same moment. Reload to see their version, then save again.");
      throw err;
    });
  await recordAudit({ tenantId, actorId: opts.actor.id ?? null, actorKind: opts.actor.kind ?? "user", action: `faq.${opts.source}`, target: version.id, details: { version: version.number, entries: entries.length, fileName: opts.fileName ?? null } });
  return { version, warnings: opts.warnings ?? [] };
}

/** The entries of a version (the latest when no id is given), in their order. */
export async function faqEntries(db: TenantDb, versionId?: string) {
  const version = versionId
    ? await db.faqVersion.findFirst({ where: { id: versionId } })
    : await db.faqVersion.findFirst({ orderBy: { number: "desc" } });
  if (!version) return { version: null, entries: [] as FaqEntryInput[] };
  const rows = await db.faqEntry.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
  return {
    version,
    entries: rows.map((r) => ({ key: r.key, question: r.question, alternatives: (r.alternatives as string[]) ?? [], answer: r.answer, category: r.category, language: r.language })),
  };
}

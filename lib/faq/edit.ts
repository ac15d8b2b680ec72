// Owns inline edits of the FAQ from the admin console: the complete, edited list of entries is
// checked with the same rules as an upload (lib/faq/import/validate-entries.ts) and stored as a
// new version. Errors name the entry ("Entry 3: …") instead of a file line; nothing is saved
// unless every entry is valid.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { tenantDb } from "@/lib/tenancy/guard";
import { DEFAULT_FAQ_LIMITS, type FaqEntryInput, type FaqImportError } from "@/lib/faq/import";
import { validateEntries } from "@/lib/faq/import/validate-entries";
import { createFaqVersion, type FaqActor } from "@/lib/faq/versions";

export const ZEditedEntry = z.object({
  /** Kept from the version being edited; empty for a new entry (a key is generated). */
  key: z.string().trim().max(200).nullable().optional(),
  question: z.string().max(10_000),
  alternatives: z.array(z.string().max(10_000)).max(500).default([]),
  answer: z.string().max(50_000),
  category: z.string().max(1000).nullable().optional(),
  /** ISO 639-1 code, or empty to detect it from the text. */
  language: z.string().max(50).nullable().optional(),
});
export const ZFaqEdit = z.object({
  entries: z.array(ZEditedEntry).max(DEFAULT_FAQ_LIMITS.maxEntries + 1),
  /** The version the admin started from: refuses to overwrite a newer version saved meanwhile. */
  baseVersionId: z.string().max(64).nullable().optional(),
});
export type TEditedEntry = z.infer<typeof ZEditedEntry>;
export type TFaqEdit = z.infer<typeof ZFaqEdit>;

export type FaqEditResult = { ok: true; entries: FaqEntryInput[]; warnings: FaqImportError[] } | { ok: false; errors: FaqImportError[] };

const renumber = (p: FaqImportError): FaqImportError => ({ ...p, message: p.message.replace(/\bLine (\d+)/g, "Entry $1").replace(/\bline (\d+)/g, "entry $1") });

/** Validates edited entries (numbered from 1 in the order given). Pure. */
export function validateEditedEntries(entries: readonly TEditedEntry[], defaultLanguage: string): FaqEditResult {
  if (entries.length === 0) {
    return { ok: false, errors: [{ line: null, code: "empty_file", message: "An FAQ needs at least one entry. Add an entry before saving." }] };
  }
  const result = validateEntries(
    {
      entries: entries.map((e, i) => ({
        line: i + 1,
        question: e.question,
        answer: e.answer,
        alternatives: e.alternatives,
        category: e.category ?? null,
        language: e.language?.trim() ? e.language : null,
        key: e.key?.trim() ? e.key : null,
      })),
      errors: [],
      warnings: [],
    },
    { ...DEFAULT_FAQ_LIMITS, defaultLanguage },
  );
  if (result.errors.length > 0) return { ok: false, errors: result.errors.map(renumber) };
  return { ok: true, entries: result.entries, warnings: result.warnings.map(renumber) };
}

/** Saves edited entries as the tenant's next FAQ version (all or nothing). */
export async function saveFaqEdit(tenantId: string, edit: TFaqEdit, actor: FaqActor) {
  const db = await tenantDb(tenantId);
  const [tenant, latest] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { defaultLanguage: true } }),
    db.faqVersion.findFirst({ orderBy: { number: "desc" }, select: { id: true, number: true } }),
  ]);
  if (edit.baseVersionId !== undefined && (edit.baseVersionId ?? null) !== (latest?.id ?? null)) {
    throw new AppError("conflict", `Someone saved FAQ version ${latest?.number ?? "?"} while you were editing. Reload to see it, then make your changes again.`);
  }
  const checked = validateEditedEntries(edit.entries, tenant.defaultLanguage);
  if (!checked.ok) {
    const n = checked.errors.length;
    throw new AppError("validation_failed", `${n} problem${n === 1 ? "" : "s"} in your edits; nothing was saved.`, { details: { errors: checked.errors } });
  }
  return createFaqVersion(tenantId, checked.entries, { source: "edit", actor, warnings: checked.warnings });
}

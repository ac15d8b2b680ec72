// What the upload preview says about saving the file: which version it creates and replaces, and
// how it differs from the current FAQ version (computed by lib/admin/faq-upload-change.ts).
import type { FaqUploadChange, FaqUploadFieldChange } from "@/lib/admin/faq-upload-change";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first sentence: the version saving creates and the one it replaces, or that nothing differs. */
export function uploadChangeHeadline(c: FaqUploadChange): string {
  const next = `FAQ v${c.next.number}`;
  if (!c.current) return `Saving creates ${next}, the first version of your FAQ, with ${plural(c.next.entryCount, "entry", "entries")}.`;
  const cur = `v${c.current.number}`;
  if (c.identical) return `This file has the same entries as the current FAQ ${cur}, in the same order: saving would create ${next}, identical to ${cur}.`;
  if (c.reordered) return `This file has the same entries as the current FAQ ${cur}, only in a different order: saving would create ${next} with the same questions and answers.`;
  return `Saving creates ${next} with ${plural(c.next.entryCount, "entry", "entries")}, replacing the current FAQ ${cur} (${cur} stays in the version history).`;
}

/** The counts against the current version; null when there is none or nothing differs. */
export function uploadChangeCounts(c: FaqUploadChange): string | null {
  if (!c.current || c.identical || c.reordered) return null;
  return `Compared with v${c.current.number}: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed, ${c.unchanged} unchanged.`;
}

/** Why a reworded question can show as removed + added: entries are matched by key. */
export function keyMatchingHint(c: FaqUploadChange): string | null {
  if (c.added.length === 0 || c.removed.length === 0) return null;
  return "Entries are matched by their key: the file's key column, or one made from the question when the file has none. A reworded question without a key therefore counts as one removed and one added entry.";
}

const quote = (v: string | number | null) => (v === null || v === "" ? "none" : typeof v === "number" ? String(v) : `“${v}”`);

/** One changed field, briefly: "answer", "category (“Shipping” → none)", "question (was “…”)". */
export function describeFieldChange(f: FaqUploadFieldChange): string {
  switch (f.field) {
    case "question":
      return `question (was ${quote(f.before)})`;
    case "alternatives":
      return f.before === f.after ? "alternatives" : `alternatives (${f.before ?? 0} → ${f.after ?? 0})`;
    case "category":
      return `category (${quote(f.before)} → ${quote(f.after)})`;
    case "language":
      return `language (${f.before ?? "none"} → ${f.after ?? "none"})`;
    case "answer":
      return "answer";
  }
}

// Owns what saving an uploaded FAQ file would change, as the upload preview tells the admin: the
// version it replaces and the difference against it — entries added, removed and changed, matched
// by their stable key (lib/faq/keys.ts) through the same diff as the version history
// (lib/faq/diff.ts). Compact: questions and the names of changed fields, never whole answers, so
// the preview of a large FAQ stays small. Pure.
import { diffFaqEntries, type FaqDiffField } from "@/lib/faq/diff";
import type { FaqEntryInput } from "@/lib/faq/import/types";

export interface FaqUploadFieldChange {
  field: FaqDiffField;
  /**
   * Short before/after values: the text of a question, category (null: none) or language; the
   * number of alternatives; null for an answer (too long for a list; the history shows it).
   */
  before: string | number | null;
  after: string | number | null;
}

export interface FaqUploadChange {
  /** The version saving replaces (the latest); null when the workspace has no FAQ yet. */
  current: { number: number; entryCount: number } | null;
  /** The number the saved version gets, and its entry count. */
  next: { number: number; entryCount: number };
  added: { key: string; question: string }[];
  removed: { key: string; question: string }[];
  changed: { key: string; question: string; fields: FaqUploadFieldChange[] }[];
  unchanged: number;
  /** Same entries as the current version, in a different order. */
  reordered: boolean;
  /** Same entries in the same order: saving would create a copy of the current version. */
  identical: boolean;
}

function compact(field: FaqDiffField, value: string | string[] | null): string | number | null {
  if (field === "answer") return null;
  if (Array.isArray(value)) return value.length;
  return value;
}

/** What saving `uploaded` would change, against `current` (the latest version and its entries). */
export function summarizeUploadChange(current: { number: number; entries: readonly FaqEntryInput[] } | null, uploaded: readonly FaqEntryInput[]): FaqUploadChange {
  const next = { number: (current?.number ?? 0) + 1, entryCount: uploaded.length };
  const diff = diffFaqEntries(current?.entries ?? [], uploaded);
  const same = current !== null && diff.added.length + diff.removed.length + diff.changed.length === 0;
  const inOrder = same && current.entries.every((e, i) => e.key === uploaded[i]?.key);
  return {
    current: current ? { number: current.number, entryCount: current.entries.length } : null,
    next,
    added: diff.added.map((e) => ({ key: e.key, question: e.question })),
    removed: diff.removed.map((e) => ({ key: e.key, question: e.question })),
    changed: diff.changed.map((c) => ({
      key: c.key,
      question: c.after.question,
      fields: c.fields.map((f) => ({ field: f.field, before: compact(f.field, f.before), after: compact(f.field, f.after) })),
    })),
    unchanged: diff.unchanged,
    reordered: same && !inOrder,
    identical: inOrder,
  };
}

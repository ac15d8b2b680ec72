// Owns comparing two FAQ versions entry by entry. Entries are matched by their stable key (see
// lib/faq/keys.ts), so a reworded answer shows as "changed" rather than "removed + added".
import type { FaqEntryInput } from "./import/types";

export type FaqDiffField = "question" | "alternatives" | "answer" | "category" | "language";

export interface FaqFieldChange {
  field: FaqDiffField;
  before: string | string[] | null;
  after: string | string[] | null;
}

export interface FaqDiff {
  added: FaqEntryInput[];
  removed: FaqEntryInput[];
  changed: { key: string; before: FaqEntryInput; after: FaqEntryInput; fields: FaqFieldChange[] }[];
  unchanged: number;
}

const FIELDS: FaqDiffField[] = ["question", "alternatives", "answer", "category", "language"];

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** What changed going from `from` to `to`, in the order entries appear in each version. */
export function diffFaqEntries(from: readonly FaqEntryInput[], to: readonly FaqEntryInput[]): FaqDiff {
  const before = new Map(from.map((e) => [e.key, e]));
  const after = new Map(to.map((e) => [e.key, e]));
  const diff: FaqDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const entry of to) {
    const old = before.get(entry.key);
    if (!old) {
      diff.added.push(entry);
      continue;
    }
    const fields = FIELDS.filter((f) => !same(old[f], entry[f])).map((field) => ({ field, before: old[field], after: entry[field] }));
    if (fields.length > 0) diff.changed.push({ key: entry.key, before: old, after: entry, fields });
    else diff.unchanged++;
  }
  for (const entry of from) if (!after.has(entry.key)) diff.removed.push(entry);
  return diff;
}

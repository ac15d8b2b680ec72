// The FAQ version diff an admin reads before publishing: entries matched by key, each change named
// by field.
import { describe, expect, it } from "vitest";
import { diffFaqEntries } from "@/lib/faq/diff";
import type { FaqEntryInput } from "@/lib/faq/import";

const entry = (key: string, over: Partial<FaqEntryInput> = {}): FaqEntryInput => ({ key, question: `Question ${key}?`, alternatives: [], answer: `Answer ${key}.`, category: null, language: "en", ...over });

describe("diffFaqEntries", () => {
  it("reports added, removed and changed entries by key, with the changed fields", () => {
    const from = [entry("a"), entry("b"), entry("c", { alternatives: ["x"] })];
    const to = [entry("a"), entry("c", { alternatives: ["x", "y"], answer: "New answer." }), entry("d")];
    const diff = diffFaqEntries(from, to);
    expect(diff.added.map((e) => e.key)).toEqual(["d"]);
    expect(diff.removed.map((e) => e.key)).toEqual(["b"]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.key).toBe("c");
    expect(diff.changed[0]!.fields).toEqual([
      { field: "alternatives", before: ["x"], after: ["x", "y"] },
      { field: "answer", before: "Answer c.", after: "New answer." },
    ]);
  });

  it("treats a reworded question with the same key as a change, and a category or language change too", () => {
    const diff = diffFaqEntries([entry("a")], [entry("a", { question: "Reworded?", category: "Shipping", language: "es" })]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0]!.fields.map((f) => f.field)).toEqual(["question", "category", "language"]);
  });

  it("finds nothing between identical versions, even when entries are reordered", () => {
    const diff = diffFaqEntries([entry("a"), entry("b")], [entry("b"), entry("a")]);
    expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });
});

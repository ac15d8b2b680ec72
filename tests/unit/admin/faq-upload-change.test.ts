// What the FAQ upload preview says saving the file changes: the version it creates and replaces,
// and the entries added, removed and changed against it (matched by key, through the history's
// diff), compactly — or that the file is identical to the current version.
import { describe, expect, it } from "vitest";
import { summarizeUploadChange } from "@/lib/admin/faq-upload-change";
import { describeFieldChange, keyMatchingHint, uploadChangeCounts, uploadChangeHeadline } from "@/components/admin/faq/upload-change";
import type { FaqEntryInput } from "@/lib/faq/import";

const entry = (key: string, over: Partial<FaqEntryInput> = {}): FaqEntryInput => ({ key, question: `Question ${key}?`, alternatives: [], answer: `Answer ${key}.`, category: null, language: "en", ...over });

describe("summarizeUploadChange", () => {
  const current = { number: 3, entries: [entry("a"), entry("b"), entry("c", { alternatives: ["x"], category: "Shipping" }), entry("e")] };

  it("lists added, removed and changed entries by key, with each changed field in brief", () => {
    const uploaded = [entry("a"), entry("c", { alternatives: ["x", "y"], answer: "A much longer new answer.", category: null }), entry("e", { question: "Reworded e?", language: "es" }), entry("d")];
    const c = summarizeUploadChange(current, uploaded);
    expect(c.current).toEqual({ number: 3, entryCount: 4 });
    expect(c.next).toEqual({ number: 4, entryCount: 4 });
    expect(c.added).toEqual([{ key: "d", question: "Question d?" }]);
    expect(c.removed).toEqual([{ key: "b", question: "Question b?" }]);
    expect(c.unchanged).toBe(1);
    expect(c.changed).toEqual([
      {
        key: "c",
        question: "Question c?",
        fields: [
          { field: "alternatives", before: 1, after: 2 },
          { field: "answer", before: null, after: null },
          { field: "category", before: "Shipping", after: null },
        ],
      },
      {
        key: "e",
        question: "Reworded e?",
        fields: [
          { field: "question", before: "Question e?", after: "Reworded e?" },
          { field: "language", before: "en", after: "es" },
        ],
      },
    ]);
    expect(c.identical).toBe(false);
    expect(c.reordered).toBe(false);
    // No answer text travels in the summary.
    expect(JSON.stringify(c)).not.toContain("A much longer new answer.");
  });

  it("says a file with the same entries in the same order is identical", () => {
    const c = summarizeUploadChange(current, current.entries.map((e) => ({ ...e })));
    expect(c).toMatchObject({ identical: true, reordered: false, added: [], removed: [], changed: [], unchanged: 4 });
    expect(uploadChangeHeadline(c)).toBe("This file has the same entries as the current FAQ v3, in the same order: saving would create FAQ v4, identical to v3.");
    expect(uploadChangeCounts(c)).toBeNull();
  });

  it("tells a reordered but otherwise equal file apart from an identical one", () => {
    const c = summarizeUploadChange(current, [...current.entries].reverse());
    expect(c).toMatchObject({ identical: false, reordered: true, unchanged: 4 });
    expect(uploadChangeHeadline(c)).toBe("This file has the same entries as the current FAQ v3, only in a different order: saving would create FAQ v4 with the same questions and answers.");
  });

  it("counts every uploaded entry as added when there is no FAQ yet", () => {
    const c = summarizeUploadChange(null, [entry("a"), entry("b")]);
    expect(c.current).toBeNull();
    expect(c.next).toEqual({ number: 1, entryCount: 2 });
    expect(c.added.map((e) => e.key)).toEqual(["a", "b"]);
    expect(c.identical).toBe(false);
    expect(uploadChangeHeadline(c)).toBe("Saving creates FAQ v1, the first version of your FAQ, with 2 entries.");
    expect(uploadChangeCounts(c)).toBeNull();
  });
});

describe("upload change wording", () => {
  it("names the version created and the one replaced, with the counts", () => {
    const c = summarizeUploadChange({ number: 7, entries: [entry("a"), entry("b")] }, [entry("a", { answer: "New." }), entry("c")]);
    expect(uploadChangeHeadline(c)).toBe("Saving creates FAQ v8 with 2 entries, replacing the current FAQ v7 (v7 stays in the version history).");
    expect(uploadChangeCounts(c)).toBe("Compared with v7: 1 added, 1 removed, 1 changed, 0 unchanged.");
    expect(keyMatchingHint(c)).toMatch(/matched by their key/);
  });

  it("explains key matching only when entries were both added and removed", () => {
    const c = summarizeUploadChange({ number: 1, entries: [entry("a")] }, [entry("a"), entry("b")]);
    expect(keyMatchingHint(c)).toBeNull();
  });

  it("describes each changed field briefly", () => {
    expect(describeFieldChange({ field: "question", before: "Old?", after: "New?" })).toBe("question (was “Old?”)");
    expect(describeFieldChange({ field: "alternatives", before: 1, after: 3 })).toBe("alternatives (1 → 3)");
    expect(describeFieldChange({ field: "alternatives", before: 2, after: 2 })).toBe("alternatives");
    expect(describeFieldChange({ field: "answer", before: null, after: null })).toBe("answer");
    expect(describeFieldChange({ field: "category", before: "Shipping", after: null })).toBe("category (“Shipping” → none)");
    expect(describeFieldChange({ field: "language", before: "en", after: "es" })).toBe("language (en → es)");
  });
});

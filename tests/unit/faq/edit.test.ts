// Inline edits follow the upload's rules; problems name the entry (not a file line), edited
// entries keep their keys and new ones get a key from their question.
import { describe, expect, it } from "vitest";
import { validateEditedEntries } from "@/lib/faq/edit";

const base = [
  { key: "shipping-cost", question: "How much does shipping cost?", alternatives: ["delivery fee"], answer: "€4.95.", category: "Shipping", language: "en" },
  { key: "returns", question: "How do I return an item?", alternatives: [], answer: "Within 30 days.", category: null, language: "en" },
];

describe("validateEditedEntries", () => {
  it("keeps the keys of edited entries and generates one for a new entry", () => {
    const r = validateEditedEntries([{ ...base[0]!, answer: "Now €5.95." }, base[1]!, { key: null, question: "Do you sell gift cards?", alternatives: [" gift card "], answer: "Yes.", category: "", language: "" }], "en");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.key)).toEqual(["shipping-cost", "returns", "do-you-sell-gift-cards"]);
    expect(r.entries[0]!.answer).toBe("Now €5.95.");
    expect(r.entries[2]).toMatchObject({ alternatives: ["gift card"], category: null, language: "en" });
  });

  it("detects the language of an entry left on 'detect'", () => {
    const r = validateEditedEntries([{ question: "¿Vendéis tarjetas regalo?", alternatives: [], answer: "Sí, desde 10 €.", language: null }], "en");
    expect(r.ok && r.entries[0]!.language).toBe("es");
  });

  it("reports every problem with its entry number and saves nothing", () => {
    const r = validateEditedEntries(
      [base[0]!, { ...base[1]!, answer: "  " }, { key: null, question: "how much does SHIPPING cost", alternatives: [], answer: "x" }, { key: null, question: "Hola", alternatives: [], answer: "y", language: "klingon" }],
      "en",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "missing_answer"],
      [3, "duplicate_question"],
      [4, "unknown_language"],
    ]);
    expect(r.errors[1]!.message).toMatch(/^Entry 3: .*entry 1/);
    expect(r.errors.every((e) => !/\bline\b/i.test(e.message))).toBe(true);
  });

  it("refuses an empty FAQ", () => {
    const r = validateEditedEntries([], "en");
    expect(r.ok).toBe(false);
  });
});

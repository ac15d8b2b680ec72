// The evaluation report's "Entries most often mixed up" (lib/training/report.ts confusedPairs), as
// the live bot compares a message: only with the entries of its language. A Spanish phrasing
// scored closest to the English twin of its entry is no confusion a customer could meet; within
// its language, the entry it would really get is the pair.
import { describe, expect, it } from "vitest";
import type { OofRecord } from "@/lib/training/calibration";
import { confusedPairs } from "@/lib/training/report";

const labels = ["app-en", "app-es", "payment-methods", "metodos-pago", "refunds"];
const languages = { "app-en": "en", "app-es": "es", "payment-methods": "en", "metodos-pago": "es", refunds: "en" };

function record(text: string, label: string, scores: Record<string, number>): OofRecord {
  return { text, label: labels.indexOf(label), z: Float32Array.from(labels, (l) => scores[l] ?? 0), coverage: 1, featureCount: 3, unrelated: false };
}

const records = [
  // Best overall: the other language's twin; best in its own language: itself.
  record("la app", "app-es", { "app-en": 3, "app-es": 2 }),
  record("the app", "app-en", { "app-es": 3, "app-en": 2 }),
  // Best overall: the Spanish twin; within English, "refunds" — a real confusion.
  record("how can I pay", "payment-methods", { "metodos-pago": 3, refunds: 2, "payment-methods": 1 }),
  record("refund to my card", "refunds", { "payment-methods": 2, refunds: 1 }),
  // Unrelated records are never pairs.
  { ...record("weather", "refunds", { "app-en": 5 }), unrelated: true },
];

describe("confused pairs", () => {
  it("without languages, pairs any two entries (older behaviour)", () => {
    expect(confusedPairs(records, labels).map((p) => [p.a, p.b, p.count])).toEqual([
      ["app-en", "app-es", 2],
      ["metodos-pago", "payment-methods", 1],
      ["payment-methods", "refunds", 1],
    ]);
  });

  it("with languages, pairs only entries of the same language, as the bot compares them", () => {
    const pairs = confusedPairs(records, labels, 10, languages);
    expect(pairs.map((p) => [p.a, p.b, p.count])).toEqual([["payment-methods", "refunds", 2]]);
    expect(pairs[0]!.examples.map((e) => [e.text, e.predicted])).toEqual([
      ["how can I pay", "refunds"],
      ["refund to my card", "payment-methods"],
    ]);
  });

  it("compares an entry with no language with every entry", () => {
    const pairs = confusedPairs([record("la app", "app-es", { "app-en": 3, "app-es": 2 })], labels, 10, { "app-en": "en" });
    expect(pairs.map((p) => [p.a, p.b])).toEqual([["app-en", "app-es"]]);
  });
});

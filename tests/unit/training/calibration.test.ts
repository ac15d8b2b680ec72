import { describe, expect, it } from "vitest";
import { loadTenantModel, trainTenantModel, type FaqExample } from "@/lib/training";
import { createRng } from "@/lib/training/rng";
import { measureTestSet } from "@/lib/training/test-metrics";

// Synthetic FAQ with known structure: every entry has its own keywords, pairs of entries share
// some, and all phrasings are padded with common filler words. Unrelated questions use filler
// plus words no entry has. Generated fresh for the held-out test, from the same process.
function syntheticFaq(seed: number, perEntry: number, entries = 16) {
  const rng = createRng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)];
  const word = (i: number, salt: string) => `${salt}${"bcdfghjklmnpqrstvz"[i % 18]}${"aeiou"[(i * 7) % 5]}${"rstln"[(i * 3) % 5]}${i}`;
  const filler = Array.from({ length: 25 }, (_, i) => word(i, "f"));
  const keywords = Array.from({ length: entries }, (_, e) => [
    ...Array.from({ length: 4 }, (_, k) => word(e * 10 + k, "k")),
    ...Array.from({ length: 2 }, (_, k) => word((e ^ 1) * 10 + 8 + k, "s")), // shared with the paired entry
  ]);
  const phrase = (words: string[]) => {
    const n = 2 + Math.floor(rng() * 3);
    const out = [...Array.from({ length: n }, () => pick(filler)), ...Array.from({ length: 2 }, () => pick(words))];
    return out.sort(() => rng() - 0.5).join(" ");
  };
  const rows = (count: number): FaqExample[] =>
    keywords.flatMap((kw, e) => Array.from({ length: count }, () => ({ text: phrase(kw), label: `entry${e}` })));
  const unrelated = (count: number): FaqExample[] =>
    Array.from({ length: count }, (_, i) => ({ text: phrase([word(500 + i, "u"), word(900 + i, "u")]), label: "oos" }));
  return { rows, unrelated };
}

describe("calibration", () => {
  it("keeps wrong answers under the target on held-out questions, thresholds chosen from training data only", async () => {
    const gen = syntheticFaq(7, 0);
    const train = gen.rows(12);
    const test = [...gen.rows(25), ...gen.unrelated(80)];
    const trained = await trainTenantModel(train, { targetWrongRate: 0.05, seed: 0 });
    expect(trained.evaluation.rough).toBe(false);
    const model = await loadTenantModel(trained.files);
    const m = await measureTestSet(model, test, "oos");
    expect(m.answeredShare).toBeGreaterThan(0.4);
    // 5% target plus sampling slack for ~500 answers.
    expect(m.answeredWrongRate!).toBeLessThanOrEqual(0.08);
    expect(m.oosRecall!).toBeGreaterThan(0.8);
    // Confidence means what it says: among answers, mean confidence ≈ share right.
    const decisions = await model.decideBatch(test.map((t) => t.text));
    const answered = decisions.map((d, i) => ({ d, row: test[i] })).filter(({ d }) => d.kind === "answer");
    const meanConf = answered.reduce((a, { d }) => a + d.candidates[0].confidence, 0) / answered.length;
    const right = answered.filter(({ d, row }) => d.candidates[0].label === row.label).length / answered.length;
    expect(Math.abs(meanConf - right)).toBeLessThan(0.08);
  });
});

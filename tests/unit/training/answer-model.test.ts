// The answer policy's operating point (lib/training/answer-model.ts): a stricter wrong-answer target
// never lowers the threshold, and even the strictest keeps near-verbatim FAQ questions answered.
import { describe, expect, it } from "vitest";
import { ANSWER_MODEL, answerProbability, operatingPoint, thresholdFor } from "@/lib/training/answer-model";

describe("answer model", () => {
  it("maps stricter targets to higher or equal thresholds, capped below a near-verbatim question's 0.97", () => {
    const targets = [0.2, 0.1, 0.05, 0.03, 0.01, 0.001];
    const thresholds = targets.map((t) => thresholdFor(t));
    for (let i = 1; i < thresholds.length; i++) expect(thresholds[i]).toBeGreaterThanOrEqual(thresholds[i - 1]);
    expect(Math.max(...thresholds)).toBeLessThan(0.97);
  });

  it("reports the measured operating point at the default threshold", () => {
    const p = operatingPoint(thresholdFor(0.05));
    expect(p.wrongRate).toBeLessThanOrEqual(0.05);
    expect(p.answeredRight).toBeGreaterThan(0.25);
    expect(ANSWER_MODEL.fittedOn).toMatch(/leave-one-business-out/);
  });

  it("is more confident with a clearer lead and more views agreeing", () => {
    const base = { top: 0.5, margin: 0.05, votes: 0.5, ownCoverage: 0.6, coverage: 0.6, phrasing: 0.5, answer: 0.4, entryRecall: 0.5, classifier: 0.4, length: 0.5, followup: 0, calibrated: 0 };
    const clearer = { ...base, margin: 0.35, votes: 1 };
    expect(answerProbability(clearer)).toBeGreaterThan(answerProbability(base));
  });
});

// P(the best entry is the right answer | evidence), for FAQs too small to calibrate on their own.
// A tenant with 30 entries and two or three phrasings each cannot tell, from its own FAQ, how sure
// the bot must be before it answers; but the evidence the views give (how far the best entry leads,
// how many views agree, how much of the message the entry explains, …) means the same thing in
// any FAQ. So the rule is a logistic model over that evidence, fitted once on our own written
// dialogues for several businesses (evals/dialogue, development files only) by
// scripts/fit-answer-model.ts, with its operating points estimated leave-one-business-out: fitted
// on the others, measured on the one left out — the situation of a new tenant's FAQ.
import fitted from "./answer-model.json";

export interface AnswerEvidence {
  /** Combined score of the best entry and its lead over the second. */
  top: number;
  margin: number;
  /** Share of the four views (classifier, phrasing, answer text, entry recall) that pick the best entry. */
  votes: number;
  ownCoverage: number;
  coverage: number;
  /** The best entry's score in each view. */
  phrasing: number;
  answer: number;
  entryRecall: number;
  classifier: number;
  /** Content words in the message (capped at 10), over 10. */
  length: number;
  /** 1 when the message was read with the previous question as context. */
  followup: number;
  /** 1 when the classifier's own calibrated thresholds say "answer". */
  calibrated: number;
}

export const EVIDENCE_FEATURES: Array<keyof AnswerEvidence> = ["top", "margin", "votes", "ownCoverage", "coverage", "phrasing", "answer", "entryRecall", "classifier", "length", "followup", "calibrated"];

export interface AnswerModel {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /**
   * Operating points measured leave-one-business-out: at threshold t, the share of answerable
   * questions answered right and the share of answers that were wrong.
   */
  curve: Array<{ threshold: number; answeredRight: number; wrongRate: number }>;
  /** What it was fitted on. */
  fittedOn: string;
  /**
   * The whole bot measured on held-out conversations at one threshold (eval:dialogue --split
   * heldout), recorded by hand when measured: the figure an admin should trust over the curve.
   */
  heldOut?: { threshold: number; directAnswer: number; wrongAmongAnswers: number; basis: string };
}

export const ANSWER_MODEL = fitted as AnswerModel;

export function evidenceVector(e: AnswerEvidence, features: string[] = ANSWER_MODEL.features): number[] {
  return features.map((f) => e[f as keyof AnswerEvidence] ?? 0);
}

export function answerProbability(e: AnswerEvidence, model: AnswerModel = ANSWER_MODEL): number {
  const x = evidenceVector(e, model.features);
  let t = model.bias;
  for (let i = 0; i < x.length; i++) t += model.weights[i] * ((x[i] - model.mean[i]) / (model.std[i] || 1));
  return 1 / (1 + Math.exp(-t));
}

/**
 * The lowest threshold whose measured wrong-answer rate is within the target (the curve is
 * measured, so this says what was observed on businesses the model had not seen).
 */
/**
 * The curve is measured on development dialogues that were read while the lexicon and rules were
 * written, so it flatters the bot; on conversations written later the wrong-answer rate came out
 * higher. The operating point is therefore chosen for this share of the tenant's target.
 */
export const SAFETY_FACTOR = 0.8;

export function thresholdFor(targetWrongRate: number, model: AnswerModel = ANSWER_MODEL): number {
  // The lowest threshold from which every stricter one also stayed within the target (the
  // measured curve is noisy; a lucky dip must not set the operating point).
  const target = targetWrongRate * SAFETY_FACTOR;
  const sorted = [...model.curve].sort((a, b) => b.threshold - a.threshold);
  // Never above 0.96: a near-verbatim FAQ question (P set to 0.97 in understand.ts) is always answered.
  let best = 0.96;
  for (const p of sorted) {
    if (p.wrongRate > target) break;
    best = Math.min(best, p.threshold);
  }
  return best;
}

/** The measured operating point at a threshold (nearest measured one at or above it). */
export function operatingPoint(threshold: number, model: AnswerModel = ANSWER_MODEL) {
  const above = model.curve.filter((p) => p.threshold >= threshold - 1e-9).sort((a, b) => a.threshold - b.threshold);
  return above[0] ?? model.curve[model.curve.length - 1];
}

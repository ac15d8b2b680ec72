// The answer policy for a message, combining the tenant model's two views of it: the n-gram
// classifier (calibrated on the FAQ's own phrasings) and the semantic view (stems, concept groups,
// word vectors; semantic.ts). Small FAQs give the classifier two or three phrasings per entry, so
// its calibrated confidence alone rarely clears a safe threshold even when its best entry is right;
// agreement of the two views, and a clear lead of the best entry over the runner-up, are much
// stronger evidence. The rule's constants were fitted on our own development dialogues (see
// evals/dialogue) and checked on held-out ones; the classifier's calibrated answer path still
// applies on its own.
import type { Candidate, Decision } from "./types";
import type { SemanticScores } from "./semantic";
import { answerProbability, thresholdFor, type AnswerEvidence } from "./answer-model";

export interface UnderstandInput {
  /** The classifier policy's decision (calibrated thresholds). */
  classifier: Decision;
  /** Temperature-scaled softmax over all entries. */
  probs: Float32Array;
  semantic: SemanticScores;
  labels: string[];
  /** Entries the message may be answered with (its language); null = all. */
  allowed: Uint8Array | null;
  /** Answer when P(right) reaches this (default: the measured 5 % wrong-answer point). */
  threshold?: number;
  /** The message was read with the previous question as context. */
  followup?: boolean;
  /** …and that question is the FAQ's own (picked from the bot's choices). */
  contextFromFaq?: boolean;
}

export interface Understanding extends Decision {
  /** Per-view evidence, for the decision log and the admin's test console. */
  /** The evidence and the probability that the best entry is right (answer-model.ts). */
  evidence?: AnswerEvidence;
  probability?: number;
  /** P(right) was raised to 0.97 by the near-verbatim rule (not by the evidence model). */
  floored?: boolean;
  /** The five best entries with each view's score (evaluation tools). */
  detail?: Array<{ label: string; combined: number; semantic: number; precision: number; recall: number; answer: number; entryRecall: number; classifier: number }>;
  views: { votes: number; calibrated: boolean; semanticTop: string | null; semanticScore: number; semanticMargin: number; classifierTop: string | null; agree: boolean; coverage: number; ownCoverage: number; contentTokens: number; combined: number; combinedMargin: number };
}

// Weights of each view in the combined score (they sum to 1): the classifier's probability, the
// best phrasing's alignment, how much of the message the entry's answer text explains, and how much
// of it any phrasing of the entry explains. Chosen for top-1 accuracy on the development dialogues.
export const POLICY = {
  weights: { classifier: 0.12, phrasing: 0.11, answer: 0.33, entry: 0.44 },
  /** Suggestions: the best combined score must reach this (else nothing is close enough). */
  suggestScore: 0.18,
  /** Below this share of the message matching the FAQ at all, the message is not about the FAQ. */
  minCoverage: 0.2,
  suggestCoverage: 0.25,
};

/** The default answer threshold: the measured point for at most 5 % wrong answers. */
export const DEFAULT_THRESHOLD = thresholdFor(0.05);

const fmt = (x: number) => x.toFixed(2);

export function understand(input: UnderstandInput): Understanding {
  const { classifier, probs, semantic, labels, allowed } = input;
  const C = labels.length;
  const combined = new Float32Array(C);
  let psum = 0;
  for (let c = 0; c < C; c++) if (!allowed || allowed[c]) psum += probs[c];
  const w = POLICY.weights;
  for (let c = 0; c < C; c++) {
    if (allowed && !allowed[c]) {
      combined[c] = -1;
      continue;
    }
    const p = psum > 0 ? probs[c] / psum : 0;
    combined[c] = w.classifier * p + w.phrasing * semantic.score[c] + w.answer * semantic.answer[c] + w.entry * semantic.entryRecall[c];
  }
  const order = Array.from({ length: C }, (_, i) => i).sort((a, b) => combined[b] - combined[a]);
  const [b1, b2] = order;
  const semOrder = Array.from({ length: C }, (_, i) => i)
    .filter((c) => !allowed || allowed[c])
    .sort((a, b) => semantic.score[b] - semantic.score[a]);
  let clfTop = -1;
  for (let c = 0; c < C; c++) if ((!allowed || allowed[c]) && (clfTop < 0 || probs[c] > probs[clfTop])) clfTop = c;
  const semTop = semOrder[0] ?? -1;
  const semMargin = semTop >= 0 ? semantic.score[semTop] - (semOrder[1] !== undefined ? semantic.score[semOrder[1]] : 0) : 0;
  const top = combined[b1] ?? 0;
  const margin = top - (b2 !== undefined ? Math.max(0, combined[b2]) : 0);
  const argmax = (v: ArrayLike<number>) => {
    let best = -1;
    for (let c = 0; c < C; c++) if ((!allowed || allowed[c]) && (best < 0 || v[c] > v[best])) best = c;
    return best;
  };
  const votes = [clfTop, semTop, argmax(semantic.answer), argmax(semantic.entryRecall)].filter((c) => c === b1).length;
  const agree = votes >= 3;
  const views = {
    votes,
    calibrated: classifier.kind === "answer",
    semanticTop: semTop >= 0 ? labels[semTop] : null,
    semanticScore: semTop >= 0 ? semantic.score[semTop] : 0,
    semanticMargin: semMargin,
    classifierTop: clfTop >= 0 ? labels[clfTop] : null,
    agree,
    coverage: semantic.coverage,
    ownCoverage: semantic.ownCoverage,
    contentTokens: semantic.contentTokens,
    combined: top,
    combinedMargin: margin,
  };
  // Confidence shown to people and logged: the evidence mapped onto 0..1, not a probability.
  const conf = (c: number) => Math.max(0, Math.min(1, combined[c]));
  // Choices far behind the best one (under a third of its score) would only be noise to the customer.
  let candidates: Candidate[] = order
    .slice(0, 3)
    .filter((c, i) => combined[c] >= 0 && (i === 0 || combined[c] >= 0.34 * combined[order[0]]))
    .map((c) => ({ label: labels[c], confidence: conf(c) }));

  const detail = order.slice(0, 5).filter((c) => combined[c] >= 0).map((c) => ({ label: labels[c], combined: combined[c], semantic: semantic.score[c], precision: semantic.precision[c], recall: semantic.recall[c], answer: semantic.answer[c], entryRecall: semantic.entryRecall[c], classifier: psum > 0 ? probs[c] / psum : 0 }));
  const result = decideKind();
  return { ...result, detail };
  function decideKind(): Understanding {
  if (semantic.contentTokens === 0 && classifier.kind === "handoff" && /no words/.test(classifier.reason)) return { ...classifier, views };
  const d0 = detail[0];
  const evidence: AnswerEvidence = {
    top,
    margin,
    votes: votes / 4,
    ownCoverage: semantic.ownCoverage,
    coverage: semantic.coverage,
    phrasing: d0?.semantic ?? 0,
    answer: d0?.answer ?? 0,
    entryRecall: d0?.entryRecall ?? 0,
    classifier: d0?.classifier ?? 0,
    length: Math.min(semantic.contentTokens, 10) / 10,
    followup: input.followup ? 1 : 0,
    calibrated: classifier.kind === "answer" && classifier.candidates[0]?.label === labels[b1] ? 1 : 0,
  };
  let probability = answerProbability(evidence);
  // A message that repeats one of the FAQ's own phrasings (give or take a typo) is that entry's
  // question, whatever the evidence model makes of its few words.
  const nearVerbatim = d0 !== undefined && d0.precision >= 0.9 && d0.recall >= 0.85 && margin > 0.05 && (b1 === clfTop || d0.semantic >= 0.97);
  // (Only when another view agrees with the best entry: a follow-up read with its context can make
  // the classifier alone sure of an entry no other view picks — "and insurance?" → keys.)
  // (Not for a message read with the FAQ's own question as context — the customer picked it from
  // the bot's choices —: with it, "and bizum works?" would look verbatim.)
  const floored = !(input.followup && input.contextFromFaq) && votes >= 2 && (nearVerbatim || evidence.calibrated === 1) && probability < 0.97;
  if (floored) probability = 0.97;
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  // Confidences as probabilities: the best entry's P(right), the others sharing the rest by their
  // combined scores (never above the best), so they are sorted and sum to at most 1.
  const others = candidates.slice(1).reduce((a, c) => a + Math.max(0, c.confidence), 0);
  candidates = candidates.map((c, i) => ({ label: c.label, confidence: i === 0 ? probability : Math.min(probability, others > 0 ? ((1 - probability) * Math.max(0, c.confidence)) / others : 0) }));
  if (semantic.coverage >= POLICY.minCoverage && probability >= threshold) {
    return { kind: "answer", candidates, reason: `P(right) ${fmt(probability)} ≥ answer threshold ${fmt(threshold)}: lead ${fmt(margin)}, ${votes} of 4 views agree`, views, evidence, probability, floored };
  }
  if (top >= POLICY.suggestScore && semantic.coverage >= POLICY.suggestCoverage && candidates.length >= 1) {
    return { kind: "suggest", candidates, reason: `P(right) ${fmt(probability)} < ${fmt(threshold)} (lead ${fmt(margin)}, coverage ${fmt(semantic.coverage)}): not sure enough to answer`, views, evidence, probability, floored };
  }
  return { kind: "handoff", candidates, reason: `nothing in the FAQ is close enough (best combined ${fmt(top)}, coverage ${fmt(semantic.coverage)})`, views, evidence, probability, floored };
}
}

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

export interface UnderstandInput {
  /** The classifier policy's decision (calibrated thresholds). */
  classifier: Decision;
  /** Temperature-scaled softmax over all entries. */
  probs: Float32Array;
  semantic: SemanticScores;
  labels: string[];
  /** Entries the message may be answered with (its language); null = all. */
  allowed: Uint8Array | null;
  /** Stricter when the tenant asks for fewer wrong answers than the default 5 %. */
  strictness?: number;
}

export interface Understanding extends Decision {
  /** Per-view evidence, for the decision log and the admin's test console. */
  /** The five best entries with each view's score (evaluation tools). */
  detail?: Array<{ label: string; combined: number; semantic: number; precision: number; recall: number; answer: number; classifier: number }>;
  views: { semanticTop: string | null; semanticScore: number; semanticMargin: number; classifierTop: string | null; agree: boolean; coverage: number; ownCoverage: number; contentTokens: number; combined: number; combinedMargin: number };
}

// Constants of the rule (see the header). Weights of each view in the combined score (they sum to
// 1): the classifier's probability, the best phrasing's alignment, how much of the message the
// entry's answer text explains, and how much of it any phrasing of the entry explains.
export const POLICY = {
  weights: { classifier: 0.24, phrasing: 0.16, answer: 0.28, entry: 0.32 },
  /** Answer when the best entry leads the runner-up by this much... */
  margin: 0.16,
  /** ...or by this much when at least three of the four views pick it... */
  agreeMargin: 0.096,
  agreeViews: 3,
  /** ...and its combined score is at least this. */
  minScore: 0.28,
  /** Suggestions: the best combined score must reach this (else nothing is close enough). */
  suggestScore: 0.18,
  /** Below this share of the message matching the FAQ at all, the message is not about the FAQ. */
  minCoverage: 0.2,
  suggestCoverage: 0.25,
};

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
  const agree = votes >= POLICY.agreeViews;
  const strict = input.strictness ?? 1;
  const views = {
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
  const candidates: Candidate[] = order.slice(0, 3).filter((c) => combined[c] >= 0).map((c) => ({ label: labels[c], confidence: conf(c) }));

  const detail = order.slice(0, 5).filter((c) => combined[c] >= 0).map((c) => ({ label: labels[c], combined: combined[c], semantic: semantic.score[c], precision: semantic.precision[c], recall: semantic.recall[c], answer: semantic.answer[c], classifier: psum > 0 ? probs[c] / psum : 0 }));
  const result = decideKind();
  return { ...result, detail };
  function decideKind(): Understanding {
  const calibratedAnswer = classifier.kind === "answer" && (!allowed || allowed[labels.indexOf(classifier.candidates[0].label)]);
  if (calibratedAnswer && classifier.candidates[0].label === labels[b1]) {
    return { kind: "answer", candidates, reason: `${classifier.reason}; the semantic view agrees`, views };
  }
  if (semantic.coverage >= POLICY.minCoverage && top >= POLICY.minScore) {
    if (margin >= POLICY.margin * strict) {
      return { kind: "answer", candidates, reason: `combined ${fmt(top)}, lead ${fmt(margin)} ≥ ${fmt(POLICY.margin * strict)} over the next entry`, views };
    }
    if (agree && margin >= POLICY.agreeMargin * strict) {
      return { kind: "answer", candidates, reason: `${votes} of 4 views pick this entry; combined ${fmt(top)}, lead ${fmt(margin)} ≥ ${fmt(POLICY.agreeMargin * strict)}`, views };
    }
  }
  if (calibratedAnswer) {
    return { kind: "answer", candidates: classifier.candidates, reason: classifier.reason, views };
  }
  if (top >= POLICY.suggestScore && semantic.coverage >= POLICY.suggestCoverage && candidates.length > 1) {
    return { kind: "suggest", candidates, reason: `best combined ${fmt(top)} with lead ${fmt(margin)} (coverage ${fmt(semantic.coverage)}): not sure enough to answer`, views };
  }
  return { kind: "handoff", candidates, reason: `nothing in the FAQ is close enough (best combined ${fmt(top)}, coverage ${fmt(semantic.coverage)})`, views };
}
}

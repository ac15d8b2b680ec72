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
  views: { semanticTop: string | null; semanticScore: number; semanticMargin: number; classifierTop: string | null; agree: boolean; coverage: number; combined: number; combinedMargin: number };
}

// Constants of the rule (see the header).
export const POLICY = {
  /** Weight of the semantic view in the combined score. */
  semanticWeight: 0.6,
  /** Answer when the views agree and the combined lead is at least this... */
  agreeMargin: 0.12,
  /** ...and the best entry's semantic score at least this. */
  agreeScore: 0.45,
  /** Without agreement, a much clearer semantic lead is needed. */
  soloMargin: 0.25,
  soloScore: 0.7,
  /** Suggestions: the best combined score must reach this (else nothing is close enough). */
  suggestScore: 0.22,
  /** Below this share of the message matching the FAQ at all, the message is not about the FAQ. */
  minCoverage: 0.2,
};

const fmt = (x: number) => x.toFixed(2);

export function understand(input: UnderstandInput): Understanding {
  const { classifier, probs, semantic, labels, allowed } = input;
  const C = labels.length;
  const combined = new Float32Array(C);
  let psum = 0;
  for (let c = 0; c < C; c++) if (!allowed || allowed[c]) psum += probs[c];
  const w = POLICY.semanticWeight;
  for (let c = 0; c < C; c++) {
    if (allowed && !allowed[c]) {
      combined[c] = -1;
      continue;
    }
    combined[c] = w * semantic.score[c] + (1 - w) * (psum > 0 ? probs[c] / psum : 0);
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
  const agree = b1 === clfTop && b1 === semTop;
  const strict = input.strictness ?? 1;
  const views = {
    semanticTop: semTop >= 0 ? labels[semTop] : null,
    semanticScore: semTop >= 0 ? semantic.score[semTop] : 0,
    semanticMargin: semMargin,
    classifierTop: clfTop >= 0 ? labels[clfTop] : null,
    agree,
    coverage: semantic.coverage,
    combined: top,
    combinedMargin: margin,
  };
  // Confidence shown to people and logged: the evidence mapped onto 0..1, not a probability.
  const conf = (c: number) => Math.max(0, Math.min(1, combined[c]));
  const candidates: Candidate[] = order.slice(0, 3).filter((c) => combined[c] >= 0).map((c) => ({ label: labels[c], confidence: conf(c) }));

  const calibratedAnswer = classifier.kind === "answer" && (!allowed || allowed[labels.indexOf(classifier.candidates[0].label)]);
  if (calibratedAnswer && classifier.candidates[0].label === labels[b1]) {
    return { kind: "answer", candidates, reason: `${classifier.reason}; the semantic view agrees`, views };
  }
  if (semantic.coverage >= POLICY.minCoverage) {
    if (agree && margin >= POLICY.agreeMargin * strict && semantic.score[b1] >= POLICY.agreeScore) {
      return { kind: "answer", candidates, reason: `both views pick this entry; combined ${fmt(top)}, lead ${fmt(margin)} ≥ ${fmt(POLICY.agreeMargin * strict)}`, views };
    }
    if (b1 === semTop && semMargin >= POLICY.soloMargin * strict && semantic.score[b1] >= POLICY.soloScore) {
      return { kind: "answer", candidates, reason: `close match in meaning (${fmt(semantic.score[b1])}), lead ${fmt(semMargin)} over the next entry`, views };
    }
  }
  if (calibratedAnswer) {
    return { kind: "answer", candidates: classifier.candidates, reason: classifier.reason, views };
  }
  if (top >= POLICY.suggestScore && semantic.coverage >= POLICY.minCoverage / 2 && candidates.length > 1) {
    return { kind: "suggest", candidates, reason: `best combined ${fmt(top)} with lead ${fmt(margin)}: not sure enough to answer`, views };
  }
  return { kind: "handoff", candidates, reason: `nothing in the FAQ is close enough (best combined ${fmt(top)}, coverage ${fmt(semantic.coverage)})`, views };
}

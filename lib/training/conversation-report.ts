// What the admin most wants to know from training: of the questions customers will ask, what share
// does the bot answer on its own, offer choices for, and answer wrongly — under the same answer
// policy as the live chat (understand.ts), not the classifier's thresholds alone. Two figures:
//   - on this FAQ's own phrasings, each held out in turn (the fold model that never saw it, and the
//     semantic view with that phrasing left out; phrasings of entries held out whole, and built-in
//     off-topic questions, stand in for questions the FAQ does not cover);
//   - expected on real customer messages, from the answer model's curve measured on other
//     businesses' written dialogues (answer-model.ts).
import { decideFromScores } from "./decide";
import type { OofRecord } from "./calibration";
import { buildSemanticIndex, scoreMessage, type EntryTexts } from "./semantic";
import { operatingPoint, ANSWER_MODEL } from "./answer-model";
import { temperedSoftmax } from "./softmax";
import { understand } from "./understand";
import type { Calibration, ConfusedPair } from "./types";

export interface ConversationReport {
  /** Answer threshold on P(right) used (from the tenant's wrong-answer target). */
  threshold: number;
  ownPhrasings: {
    n: number;
    directAnswer: number | null;
    withSuggestions: number | null;
    wrongAmongAnswers: number | null;
    /** Share of questions the FAQ does not cover (held-out entries, off-topic) that got an answer. */
    uncoveredAnswered: number | null;
  };
  /** What customers can expect: held-out conversations when measured at this threshold, else the development curve. */
  expected: { directAnswer: number; wrongAmongAnswers: number; basis: string; heldOut?: boolean; development?: { directAnswer: number; wrongAmongAnswers: number; basis: string } };
  /**
   * The entries most often mixed up, counted as the live bot compares them: each held-out phrasing
   * only against the entries of its own language (training copies the report's own pairs here,
   * counted that way). Absent in reports made before it was recorded, whose pairs compared across
   * languages.
   */
  confusedPairs?: ConfusedPair[];
}

export function conversationReport(args: {
  records: OofRecord[];
  labels: string[];
  /** Original phrasings by label, in the order the semantic index stores them. */
  phrasings: string[][];
  answers: Record<string, string>;
  languages: Record<string, string>;
  calibration: Calibration;
  threshold: number;
}): ConversationReport {
  const { labels, calibration, threshold } = args;
  const entries: EntryTexts[] = labels.map((key, label) => ({ label, phrasings: args.phrasings[label] ?? [], answer: args.answers[key], language: args.languages[key] ?? null }));
  // As in the chat: a question is answered only from entries in its language, when the FAQ has any.
  const masks = new Map<string, Uint8Array>();
  const maskFor = (lang: string | undefined) => {
    if (!lang) return null;
    let m = masks.get(lang);
    if (!m) masks.set(lang, (m = Uint8Array.from(labels, (k) => (args.languages[k] === undefined || args.languages[k] === lang ? 1 : 0))));
    return m;
  };
  const index = buildSemanticIndex(entries, labels.length);
  let covered = 0;
  let direct = 0;
  let withSugg = 0;
  let answers = 0;
  let wrong = 0;
  let uncovered = 0;
  let uncoveredAnswered = 0;
  for (const r of args.records) {
    if (r.nearVerbatim) continue;
    let skip: { label: number; phrasing?: number } | undefined;
    if (!r.unrelated) {
      const i = args.phrasings[r.label]?.indexOf(r.text) ?? -1;
      skip = { label: r.label, phrasing: i >= 0 ? i : undefined };
      if (i < 0) continue;
    } else if (!r.offTopic) skip = { label: r.label };
    const semantic = scoreMessage(index, r.text, { skip });
    // The held-out entry exists for neither view.
    const z = Float32Array.from(r.z, (v, c) => (r.unrelated && !r.offTopic && c === r.label ? -1e9 : v));
    const classifier = decideFromScores(z, { coverage: r.coverage, nearest: r.nearest }, r.featureCount, calibration, labels);
    const probs = temperedSoftmax(z, calibration.temperature);
    const allowed = r.offTopic ? null : maskFor(args.languages[labels[r.label]]);
    const u = understand({ classifier, probs, semantic, labels, allowed, threshold });
    const top = u.candidates[0]?.label;
    if (r.unrelated) {
      uncovered++;
      if (u.kind === "answer") {
        uncoveredAnswered++;
        answers++;
        wrong++;
      }
      continue;
    }
    covered++;
    const right = top === labels[r.label];
    if (u.kind === "answer") {
      answers++;
      if (right) direct++;
      else wrong++;
    }
    if ((u.kind === "answer" && right) || (u.kind === "suggest" && u.candidates.slice(0, 3).some((c) => c.label === labels[r.label]))) withSugg++;
  }
  const share = (a: number, b: number) => (b > 0 ? a / b : null);
  const point = operatingPoint(threshold);
  return {
    threshold,
    ownPhrasings: { n: covered, directAnswer: share(direct, covered), withSuggestions: share(withSugg, covered), wrongAmongAnswers: share(wrong, answers), uncoveredAnswered: share(uncoveredAnswered, uncovered) },
    expected: expectedAt(threshold, { directAnswer: point.answeredRight, wrongAmongAnswers: point.wrongRate, basis: ANSWER_MODEL.fittedOn }),
  };
}

function expectedAt(threshold: number, development: { directAnswer: number; wrongAmongAnswers: number; basis: string }): ConversationReport["expected"] {
  const h = ANSWER_MODEL.heldOut;
  if (h && Math.abs(h.threshold - threshold) < 1e-6) return { directAnswer: h.directAnswer, wrongAmongAnswers: h.wrongAmongAnswers, basis: h.basis, heldOut: true, development };
  return { ...development, heldOut: false, development };
}

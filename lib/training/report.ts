// Builds the evaluation report shown to the tenant from out-of-fold records and the calibration fit.
import type { CalibrationFit, OofRecord } from "./calibration";
import type { ConfusedPair, EvaluationReport } from "./types";

function argmax(z: Float32Array) {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
  return best;
}

function topK(z: Float32Array, k: number) {
  return Array.from(z, (v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, k)
    .map(([, i]) => i);
}

/** The best-scoring entry among those the bot would compare the phrasing with (all when `allowed` is null). */
function argmaxAmong(z: Float32Array, allowed: (c: number) => boolean) {
  let best = -1;
  for (let c = 0; c < z.length; c++) if (allowed(c) && (best < 0 || z[c] > z[best])) best = c;
  return best;
}

/**
 * Pairs of entries the classifier mixed up in the held-out checks, most frequent first. With
 * `languages` (entry key → language code), a phrasing is matched only among the entries of its own
 * entry's language (and those with no language), as the live bot does: a Spanish phrasing scored
 * closest to the English twin of its entry is not a confusion a customer could meet.
 */
export function confusedPairs(records: OofRecord[], labels: string[], limit = 10, languages?: Record<string, string>): ConfusedPair[] {
  const pairs = new Map<string, ConfusedPair>();
  const langOf = (c: number) => languages?.[labels[c]];
  for (const r of records) {
    if (r.unrelated) continue;
    const own = langOf(r.label);
    const p = own === undefined ? argmax(r.z) : argmaxAmong(r.z, (c) => langOf(c) === undefined || langOf(c) === own);
    if (p === r.label) continue;
    const [a, b] = [labels[r.label], labels[p]].sort();
    const key = `${a}\u0000${b}`;
    const pair = pairs.get(key) ?? { a, b, count: 0, examples: [] };
    pair.count++;
    if (pair.examples.length < 3) pair.examples.push({ text: r.text, label: labels[r.label], predicted: labels[p] });
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((x, y) => y.count - x.count || (x.a < y.a ? -1 : 1)).slice(0, limit);
}

/** Calibration's note when no threshold meets the target (calibration.ts). */
export const NO_THRESHOLD_NOTE = "no threshold meets the wrong-answer target on out-of-fold data: the model will not answer on its own";

/**
 * Calibration notes are about the n-gram classifier alone. The live bot answers through the combined
 * answer rule (understand.ts, threshold from answer-model.ts thresholdFor, never above 0.96, with
 * near-copies of FAQ questions at 0.97), so "the model will not answer" is never true of the bot:
 * only the classifier's own answer path stays closed.
 */
export function classifierNote(note: string): string {
  if (note === NO_THRESHOLD_NOTE)
    return "no classifier threshold meets the wrong-answer target on out-of-fold data: the classifier's own answer path never answers (the bot still answers when its combined answer rule is sure enough)";
  return note;
}

export function buildReport(args: {
  records: OofRecord[];
  fit: CalibrationFit;
  labels: string[];
  n: number;
  folds: number;
  notes: string[];
  timings: Record<string, number>;
  /** Entry key → language code: confusions are then counted only within a language. */
  languages?: Record<string, string>;
}): EvaluationReport {
  const covered = args.records.filter((r) => !r.unrelated);
  const unrelated = args.records.filter((r) => r.unrelated);
  const acc = covered.length ? covered.filter((r) => argmax(r.z) === r.label).length / covered.length : null;
  const top3 = covered.length ? covered.filter((r) => topK(r.z, 3).includes(r.label)).length / covered.length : null;
  const rough = args.fit.calibration.rough;
  const notes = [...args.notes, ...args.fit.notes.map(classifierNote)];
  if (!rough && covered.length < 200) notes.push(`accuracy rests on ${covered.length} held-out phrasings: treat it as a rough estimate`);
  return {
    n: args.n,
    entries: args.labels.length,
    folds: args.folds,
    inScopeAccuracy: acc,
    top3Accuracy: top3,
    answeredShare: args.fit.answeredShare,
    answeredWrongRate: args.fit.answeredWrongRate,
    suggestedShare: args.fit.suggestedShare,
    unrelatedAnsweredRate: args.fit.unrelatedAnsweredRate,
    calibrationError: args.fit.calibrationError,
    inScopeScored: covered.length,
    unrelatedScored: unrelated.length,
    confusedPairs: confusedPairs(args.records, args.labels, 10, args.languages),
    curve: args.fit.curve,
    rough,
    notes,
    timings: args.timings,
  };
}

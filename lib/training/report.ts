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

export function confusedPairs(records: OofRecord[], labels: string[], limit = 10): ConfusedPair[] {
  const pairs = new Map<string, ConfusedPair>();
  for (const r of records) {
    if (r.unrelated) continue;
    const p = argmax(r.z);
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

export function buildReport(args: {
  records: OofRecord[];
  fit: CalibrationFit;
  labels: string[];
  n: number;
  folds: number;
  notes: string[];
  timings: Record<string, number>;
}): EvaluationReport {
  const covered = args.records.filter((r) => !r.unrelated);
  const unrelated = args.records.filter((r) => r.unrelated);
  const acc = covered.length ? covered.filter((r) => argmax(r.z) === r.label).length / covered.length : null;
  const top3 = covered.length ? covered.filter((r) => topK(r.z, 3).includes(r.label)).length / covered.length : null;
  const rough = args.fit.calibration.rough;
  const notes = [...args.notes, ...args.fit.notes];
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
    confusedPairs: confusedPairs(args.records, args.labels),
    curve: args.fit.curve,
    rough,
    notes,
    timings: args.timings,
  };
}

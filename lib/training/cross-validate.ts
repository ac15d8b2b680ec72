// Out-of-fold scores for calibration and the evaluation report. Each fold holds out a slice of
// every entry's phrasings (scored as covered questions) AND every phrasing of a small group of
// whole entries (scored as unrelated questions: the fold model never saw those entries, so any
// answer is wrong). One model per fold yields both kinds of evidence.
import type { Phrasing } from "./augment";
import type { OofRecord } from "./calibration";
import { fitClassifier, scoreText } from "./fit-classifier";
import { createRng, shuffleInPlace } from "./rng";

/** Everything a fold needs; plain data so it can be sent to a worker thread. */
export interface FoldPlan {
  phrasings: Phrasing[];
  /** Originals are phrasings[0..originals-1]; the rest are augmented copies. */
  originals: number;
  numClasses: number;
  dense?: Float32Array[];
  seed: number;
  folds: number;
  /** Fold of each original phrasing. */
  fold: Int32Array;
  /** Fold in which each entry is held out entirely, or -1. */
  entryGroup: Int32Array;
}

const HELD_OUT_ENTRY_SHARE = 0.1;

export function foldCount(originals: number) {
  return originals >= 3000 ? 3 : 5;
}

export function planFolds(phrasings: Phrasing[], originals: number, numClasses: number, seed: number, dense?: Float32Array[]): FoldPlan {
  const K = Math.min(foldCount(originals), originals);
  const rng = createRng(seed + 101);
  // Stratified: each entry's phrasings are dealt round-robin over the folds from a random start.
  const fold = new Int32Array(originals);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < originals; i++) {
    const list = byLabel.get(phrasings[i].label) ?? [];
    list.push(i);
    byLabel.set(phrasings[i].label, list);
  }
  for (const list of byLabel.values()) {
    shuffleInPlace(list, rng);
    const start = Math.floor(rng() * K);
    list.forEach((i, j) => (fold[i] = (start + j) % K));
  }
  // Each fold hides a small disjoint group of whole entries (about a tenth): hiding more would leave
  // the covered questions fewer competitors than in production and make confidences look too good.
  const perFold = Math.max(1, Math.round(numClasses * HELD_OUT_ENTRY_SHARE));
  const entryGroup = new Int32Array(numClasses).fill(-1);
  const order = Array.from({ length: numClasses }, (_, i) => i);
  shuffleInPlace(order, rng);
  order.forEach((label, j) => {
    const g = Math.floor(j / perFold);
    // Keep at least two entries trained in every fold.
    if (g < K && numClasses - perFold >= 2) entryGroup[label] = g;
  });
  return { phrasings, originals, numClasses, dense, seed, folds: K, fold, entryGroup };
}

export function runFold(plan: FoldPlan, k: number, opts: { signal?: AbortSignal; onEpoch?: (e: number, E: number) => void } = {}): OofRecord[] {
  const { phrasings, fold, entryGroup } = plan;
  const trainIdx = phrasings.map((_, i) => i).filter((i) => fold[phrasings[i].source] !== k && entryGroup[phrasings[i].label] !== k);
  const train = trainIdx.map((i) => phrasings[i]);
  const seen = new Set(train.map((p) => p.label));
  const tested = Array.from({ length: plan.originals }, (_, i) => i).filter((i) => fold[i] === k || entryGroup[phrasings[i].label] === k);
  if (train.length === 0 || tested.length === 0) return [];
  const fc = fitClassifier({
    texts: train.map((p) => p.text),
    y: train.map((p) => p.label),
    numClasses: plan.numClasses,
    dense: plan.dense ? trainIdx.map((i) => plan.dense![i]) : undefined,
    seed: plan.seed + k,
    signal: opts.signal,
    onEpoch: opts.onEpoch,
  });
  return tested.map((i) => {
    const p = phrasings[i];
    const { z, f } = scoreText(fc, p.text, plan.dense?.[i]);
    return { z, coverage: f.coverage, featureCount: f.idx.length, label: p.label, text: p.text, unrelated: !seen.has(p.label) };
  });
}

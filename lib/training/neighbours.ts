// Nearest FAQ phrasing: cosine similarity between a message's TF-IDF vector and the FAQ's own
// phrasings, overall and within each entry. A message that (nearly) repeats a phrasing scores ≈ 1;
// an unrelated one that merely shares "do you" with a phrasing scores low. The scope model reads
// it, which lets near-verbatim questions be answered confidently and off-topic ones refused.
import type { SparseVector } from "./featurizer";

export interface NeighbourIndex {
  numClasses: number;
  /** CSR posting lists: feature f's postings are start[f]..start[f+1]-1. */
  start: Int32Array;
  doc: Int32Array;
  val: Float32Array;
  label: Int32Array;
  /** Scratch, one slot per phrasing (single-threaded use). */
  acc: Float32Array;
}

export interface Nearest {
  /** Highest cosine to any phrasing (0..1). */
  all: number;
  /** Highest cosine to a phrasing of each entry. */
  perClass: Float32Array;
}

/**
 * n-grams in more than this many phrasings ("how ", " th") are left out of the similarity: they
 * say little about which phrasing is nearest and would make every lookup touch most phrasings.
 * Vectors are re-normalised over the kept n-grams, so a verbatim repeat still scores 1.
 */
export function maxPostings(phrasings: number) {
  return Math.max(64, Math.ceil(phrasings * 0.01));
}

export function buildNeighbourIndex(x: SparseVector[], labels: ArrayLike<number>, numFeatures: number, numClasses: number): NeighbourIndex {
  const df = new Int32Array(numFeatures);
  for (const v of x) for (let j = 0; j < v.idx.length; j++) df[v.idx[j]]++;
  const cap = maxPostings(x.length);
  const count = new Int32Array(numFeatures + 1);
  for (let f = 0; f < numFeatures; f++) count[f + 1] = df[f] <= cap ? df[f] : 0;
  for (let f = 0; f < numFeatures; f++) count[f + 1] += count[f];
  const start = count.slice();
  const fill = count.slice();
  const doc = new Int32Array(start[numFeatures]);
  const val = new Float32Array(start[numFeatures]);
  x.forEach((v, d) => {
    let norm = 0;
    for (let j = 0; j < v.idx.length; j++) if (df[v.idx[j]] <= cap) norm += v.val[j] * v.val[j];
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < v.idx.length; j++) {
      if (df[v.idx[j]] > cap) continue;
      const p = fill[v.idx[j]]++;
      doc[p] = d;
      val[p] = v.val[j] * inv;
    }
  });
  return { numClasses, start, doc, val, label: Int32Array.from(labels), acc: new Float32Array(x.length) };
}

export function nearest(index: NeighbourIndex, q: SparseVector): Nearest {
  const { start, doc, val, acc, label } = index;
  const touched: number[] = [];
  let norm = 0;
  for (let j = 0; j < q.idx.length; j++) {
    const f = q.idx[j];
    if (start[f + 1] > start[f]) norm += q.val[j] * q.val[j];
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < q.idx.length; j++) {
    const f = q.idx[j];
    const w = q.val[j] * inv;
    for (let p = start[f]; p < start[f + 1]; p++) {
      const d = doc[p];
      if (acc[d] === 0) touched.push(d);
      acc[d] += w * val[p];
    }
  }
  const perClass = new Float32Array(index.numClasses);
  let all = 0;
  for (const d of touched) {
    const s = acc[d];
    acc[d] = 0;
    if (s > perClass[label[d]]) perClass[label[d]] = s;
    if (s > all) all = s;
  }
  return { all: Math.min(1, all), perClass };
}

// Turns the classifier's logits for one message into calibrated candidates and a decision:
// answer with the top entry, offer the top few ("did you mean"), or hand off to a person.
import type { Calibration, Candidate, Decision } from "./types";

/** What is known about a message besides its logits. */
export interface Evidence {
  /** Share of the message's n-grams the FAQ vocabulary knows. */
  coverage: number;
  /** Highest cosine to any FAQ phrasing, and to a phrasing of each entry (models with neighbours). */
  nearest?: { all: number; perClass: ArrayLike<number> };
}

const asEvidence = (e: number | Evidence): Evidence => (typeof e === "number" ? { coverage: e } : e);

/**
 * Score features the scope model reads: how strongly and how distinctly the FAQ matched, and (when
 * the model keeps its phrasings) how close the message is to the nearest phrasing overall and of
 * the top entry. Models calibrated on the first five features ignore the rest.
 */
export function scopeFeatures(z: ArrayLike<number>, evidence: number | Evidence): number[] {
  const { coverage, nearest } = asEvidence(evidence);
  let top = 0;
  let m1 = -Infinity;
  let m2 = -Infinity;
  for (let c = 0; c < z.length; c++) {
    const v = z[c];
    if (v > m1) {
      m2 = m1;
      m1 = v;
      top = c;
    } else if (v > m2) m2 = v;
  }
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += Math.exp(z[c] - m1);
  const lse = m1 + Math.log(sum);
  const margin = Number.isFinite(m2) ? m1 - m2 : 10;
  const base = [m1, lse, m1 - lse, margin, coverage];
  return nearest ? [...base, nearest.all, nearest.perClass[top] ?? 0] : base;
}

export function scopeProbability(z: ArrayLike<number>, evidence: number | Evidence, cal: Calibration): number {
  if (!cal.scope) return 1;
  const f = scopeFeatures(z, evidence);
  // A model calibrated with neighbour features but scored without them cannot be trusted to answer.
  if (f.length < cal.scope.weights.length) return 0;
  let t = cal.scope.bias;
  for (let i = 0; i < cal.scope.weights.length; i++) t += cal.scope.weights[i] * ((f[i] - cal.scope.mean[i]) / cal.scope.std[i]);
  return 1 / (1 + Math.exp(-t));
}

/** Top-k (index, confidence) with confidence = P(covered) · softmax(z / T). */
export function rankCandidates(z: ArrayLike<number>, evidence: number | Evidence, cal: Calibration, k = 3) {
  const T = cal.temperature;
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  const q = new Float64Array(z.length);
  for (let c = 0; c < z.length; c++) {
    q[c] = Math.exp((z[c] - max) / T);
    sum += q[c];
  }
  const s = scopeProbability(z, evidence, cal);
  // Partial selection: k is tiny and this runs for every message.
  const top: number[] = [];
  for (let c = 0; c < q.length; c++) {
    if (top.length === k && q[c] <= q[top[k - 1]]) continue;
    let pos = top.length < k ? top.length : k - 1;
    top[pos] = c;
    while (pos > 0 && q[top[pos]] > q[top[pos - 1]]) {
      [top[pos], top[pos - 1]] = [top[pos - 1], top[pos]];
      pos--;
    }
  }
  return top.map((i) => ({ index: i, confidence: (s * q[i]) / sum }));
}

const fmt = (x: number) => x.toFixed(2);

export function decideFromScores(
  z: ArrayLike<number>,
  evidence: number | Evidence,
  featureCount: number,
  cal: Calibration,
  labels: string[],
): Decision {
  const ranked = rankCandidates(z, evidence, cal, Math.min(3, labels.length));
  const candidates: Candidate[] = ranked.map((r) => ({ label: labels[r.index], confidence: r.confidence }));
  if (featureCount === 0) {
    return { kind: "handoff", candidates, reason: "the message has no words or word parts the FAQ knows" };
  }
  const top = candidates[0]?.confidence ?? 0;
  if (top >= cal.answerThreshold) {
    return { kind: "answer", candidates, reason: `confidence ${fmt(top)} ≥ answer threshold ${fmt(cal.answerThreshold)}` };
  }
  const top3 = candidates.reduce((a, c) => a + c.confidence, 0);
  if (top3 >= cal.suggestThreshold && candidates.length > 1) {
    return {
      kind: "suggest",
      candidates,
      reason: `confidence ${fmt(top)} < answer threshold ${fmt(cal.answerThreshold)}; top ${candidates.length} together ${fmt(top3)} ≥ suggest threshold ${fmt(cal.suggestThreshold)}`,
    };
  }
  return {
    kind: "handoff",
    candidates,
    reason: `confidence ${fmt(top)} < answer threshold ${fmt(cal.answerThreshold)}; top ${candidates.length} together ${fmt(top3)} < suggest threshold ${fmt(cal.suggestThreshold)}`,
  };
}

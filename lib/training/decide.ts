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

type Logistic = NonNullable<Calibration["scope"]>;

export function logistic(model: Logistic, f: number[]): number {
  // A model calibrated with neighbour features but scored without them cannot be trusted to answer.
  if (f.length < model.weights.length) return 0;
  let t = model.bias;
  for (let i = 0; i < model.weights.length; i++) t += model.weights[i] * ((f[i] - model.mean[i]) / model.std[i]);
  return 1 / (1 + Math.exp(-t));
}

export function scopeProbability(z: ArrayLike<number>, evidence: number | Evidence, cal: Calibration): number {
  return cal.scope ? logistic(cal.scope, scopeFeatures(z, evidence)) : 1;
}

/**
 * Features of the correctness model: the tempered top probability and its lead over the runner-up
 * (log scale), coverage, and how close the message is to a phrasing of the top entry versus any
 * other entry — a near-verbatim FAQ question is right almost surely, whatever the softmax says.
 */
export function correctFeatures(qTop: number, q2: number, top: number, evidence: Evidence): number[] {
  const near = evidence.nearest;
  if (!near) return [];
  let other = 0;
  for (let c = 0; c < near.perClass.length; c++) if (c !== top && near.perClass[c] > other) other = near.perClass[c];
  const simTop = near.perClass[top] ?? 0;
  // The hinge singles out near-copies of a phrasing: same-domain near-misses (a held-out entry
  // differing by one word) reach 0.5–0.7 too, so similarity only speaks for itself above that.
  return [Math.log(qTop + 1e-9), Math.log(qTop + 1e-9) - Math.log(q2 + 1e-9), evidence.coverage, near.all, simTop, simTop - other, Math.max(0, simTop - 0.75)];
}

/**
 * Top-k (index, confidence). Without a correctness model: confidence = P(covered) · softmax(z / T).
 * With one, the top candidate's confidence is P(top entry is right) from that model, and the others
 * share P(covered but the top is wrong) as the softmax does, never above the top.
 */
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
  if (!cal.correct) return top.map((i) => ({ index: i, confidence: (s * q[i]) / sum }));
  const ev = asEvidence(evidence);
  const qTop = q[top[0]] / sum;
  const q2 = top.length > 1 ? q[top[1]] / sum : 0;
  const cTop = logistic(cal.correct, correctFeatures(qTop, q2, top[0], ev));
  const rest = Math.max(0, s - cTop) / Math.max(1e-9, 1 - qTop);
  return top.map((i, j) => ({ index: i, confidence: j === 0 ? cTop : Math.min(cTop, (rest * q[i]) / sum) }));
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

// Multinomial logistic regression on sparse TF-IDF vectors (plus an optional dense embedding),
// trained by SGD with L2 weight decay. Weights are feature-major (row f holds the C class weights)
// so a message touches only the rows of its features — the same layout the ONNX graph gathers from.
import type { SparseVector } from "./featurizer";
import { createRng, shuffleInPlace } from "./rng";
import { TrainingError } from "./errors";

export interface LinearModel {
  numFeatures: number;
  numClasses: number;
  denseDim: number;
  /** [numFeatures × numClasses], row-major. */
  W: Float32Array;
  /** [denseDim × numClasses] or empty. */
  Wd: Float32Array;
  b: Float32Array;
}

export interface TrainSet {
  x: SparseVector[];
  y: Int32Array;
  dense?: Float32Array[];
  numFeatures: number;
  numClasses: number;
}

export interface SoftmaxOptions {
  epochs?: number;
  /** L2 strength per example. */
  lambda?: number;
  lr?: number;
  seed?: number;
  signal?: AbortSignal;
  onEpoch?: (epoch: number, epochs: number) => void;
}

const GRAD_EPS = 1e-3;

export function logits(m: LinearModel, x: SparseVector, dense: Float32Array | undefined, out: Float32Array) {
  const C = m.numClasses;
  out.set(m.b);
  const { idx, val } = x;
  for (let j = 0; j < idx.length; j++) {
    const base = idx[j] * C;
    const v = val[j];
    for (let c = 0; c < C; c++) out[c] += v * m.W[base + c];
  }
  if (dense && m.denseDim > 0) {
    for (let d = 0; d < m.denseDim; d++) {
      const v = dense[d];
      if (v === 0) continue;
      const base = d * C;
      for (let c = 0; c < C; c++) out[c] += v * m.Wd[base + c];
    }
  }
  return out;
}

/** Softmax of z / T as a new array (the calibrated temperature of a tenant model). */
export function temperedSoftmax(z: ArrayLike<number>, T: number): Float32Array {
  const out = Float32Array.from(z, (v) => v / T);
  return softmaxInPlace(out) as Float32Array;
}

export function softmaxInPlace(z: Float32Array | Float64Array) {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

export function checkAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new TrainingError("cancelled", "training was cancelled");
}

export function trainSoftmax(data: TrainSet, opts: SoftmaxOptions = {}): LinearModel {
  const { numFeatures: F, numClasses: C } = data;
  const D = data.dense?.[0]?.length ?? 0;
  const n = data.x.length;
  const epochs = opts.epochs ?? 12;
  const lambda = opts.lambda ?? 1e-5;
  const lr0 = opts.lr ?? 0.8;
  const rng = createRng(opts.seed ?? 0);
  // W_true = scale · V: weight decay becomes one multiply per step instead of touching every weight.
  const V = new Float32Array(F * C);
  const Vd = new Float32Array(D * C);
  const b = new Float32Array(C);
  let scale = 1;
  const z = new Float64Array(C);
  const active = new Int32Array(C);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const totalSteps = epochs * n;
  let step = 0;
  for (let e = 0; e < epochs; e++) {
    checkAborted(opts.signal);
    shuffleInPlace(order, rng);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const lr = lr0 * (1 - step / totalSteps) + 1e-3 * lr0;
      step++;
      const { idx, val } = data.x[i];
      const dense = data.dense?.[i];
      z.set(b);
      for (let j = 0; j < idx.length; j++) {
        const base = idx[j] * C;
        const v = val[j] * scale;
        for (let c = 0; c < C; c++) z[c] += v * V[base + c];
      }
      if (dense) {
        for (let d = 0; d < D; d++) {
          const v = dense[d] * scale;
          const base = d * C;
          for (let c = 0; c < C; c++) z[c] += v * Vd[base + c];
        }
      }
      softmaxInPlace(z);
      z[data.y[i]] -= 1; // z is now the gradient of the loss w.r.t. the logits
      scale *= 1 - lr * lambda;
      const step_ = lr / scale;
      // Most classes get a negligible gradient once training is under way; update only the rest.
      let na = 0;
      for (let c = 0; c < C; c++) if (z[c] > GRAD_EPS || z[c] < -GRAD_EPS) active[na++] = c;
      for (let j = 0; j < idx.length; j++) {
        const base = idx[j] * C;
        const v = val[j] * step_;
        for (let a = 0; a < na; a++) {
          const c = active[a];
          V[base + c] -= v * z[c];
        }
      }
      if (dense) {
        for (let d = 0; d < D; d++) {
          const v = dense[d] * step_;
          const base = d * C;
          for (let c = 0; c < C; c++) Vd[base + c] -= v * z[c];
        }
      }
      for (let c = 0; c < C; c++) b[c] -= lr * z[c];
      if (scale < 1e-4) {
        for (let t = 0; t < V.length; t++) V[t] *= scale;
        for (let t = 0; t < Vd.length; t++) Vd[t] *= scale;
        scale = 1;
      }
    }
    opts.onEpoch?.(e + 1, epochs);
  }
  for (let t = 0; t < V.length; t++) V[t] *= scale;
  for (let t = 0; t < Vd.length; t++) Vd[t] *= scale;
  return { numFeatures: F, numClasses: C, denseDim: D, W: V, Wd: Vd, b };
}

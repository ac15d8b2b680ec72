// A small imperative front-end over buildOnnxModel's declarative spec, so the tiny test
// transformers (tiny-decoder.ts, tiny-encoder.ts) read like the maths they compute.
// Also owns the seeded random numbers that make the generated weights reproducible.
import type { InitializerSpec, NodeSpec, AttributeValue } from "@/lib/onnx/build-model";
import { createRng } from "@/lib/training/rng";

/**
 * mulberry32 (the training's generator, lib/training/rng.ts) started at exactly `seed`: createRng
 * mixes its seed with 0x9e3779b9 first, so mixing it here undoes that and the same seed gives the
 * same model bytes as before.
 */
export function seededRandom(seed: number): () => number {
  return createRng((seed ^ 0x9e3779b9) >>> 0);
}

export class GraphBuilder {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: InitializerSpec[] = [];
  private counter = 0;
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = seededRandom(seed);
  }

  private fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  /** Uniform [lo, hi) values, for constants that should look arbitrary but be reproducible. */
  uniform(n: number, lo: number, hi: number): Float32Array {
    return Float32Array.from({ length: n }, () => lo + (hi - lo) * this.rand());
  }

  /** Normal(0, std) weights via Box–Muller, as float32. */
  weight(name: string, dims: number[], std: number): string {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const u = Math.max(this.rand(), 1e-12);
      const v = this.rand();
      data[i] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
    this.initializers.push({ name, type: "float32", dims, data });
    return name;
  }

  floats(name: string, dims: number[], data: Float32Array | number[]): string {
    this.initializers.push({ name, type: "float32", dims, data: data instanceof Float32Array ? data : Float32Array.from(data) });
    return name;
  }

  ints(values: number[], dims: number[] = [values.length]): string {
    const name = this.fresh("const_i64");
    this.initializers.push({ name, type: "int64", dims, data: BigInt64Array.from(values.map(BigInt)) });
    return name;
  }

  scalarFloat(value: number): string {
    const name = this.fresh("const_f32");
    this.initializers.push({ name, type: "float32", dims: [], data: Float32Array.from([value]) });
    return name;
  }

  scalarInt(value: number): string {
    const name = this.fresh("const_i64");
    this.initializers.push({ name, type: "int64", dims: [], data: BigInt64Array.from([BigInt(value)]) });
    return name;
  }

  /** Adds a node; returns its (first) output name, or `out` when the caller names the output. */
  op(op: string, inputs: string[], opts: { out?: string; attrs?: Record<string, AttributeValue>; ints?: string[] } = {}): string {
    const output = opts.out ?? this.fresh(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [output], attributes: opts.attrs, intAttributes: opts.ints });
    return output;
  }

  matmul(a: string, b: string, out?: string): string {
    return this.op("MatMul", [a, b], { out });
  }

  add(a: string, b: string, out?: string): string {
    return this.op("Add", [a, b], { out });
  }

  layerNorm(x: string, prefix: string, width: number): string {
    const gamma = this.floats(`${prefix}.weight`, [width], new Float32Array(width).fill(1));
    const beta = this.floats(`${prefix}.bias`, [width], new Float32Array(width));
    return this.op("LayerNormalization", [x, gamma, beta], { attrs: { axis: -1, epsilon: 1e-5 }, ints: ["axis"] });
  }

  /** [B, S, H*D] → [B, H, S, D] */
  splitHeads(x: string, heads: number, headDim: number): string {
    const r = this.op("Reshape", [x, this.ints([0, 0, heads, headDim])]);
    return this.op("Transpose", [r], { attrs: { perm: [0, 2, 1, 3] }, ints: ["perm"] });
  }

  /** [B, H, S, D] → [B, S, H*D] */
  mergeHeads(x: string, width: number): string {
    const t = this.op("Transpose", [x], { attrs: { perm: [0, 2, 1, 3] }, ints: ["perm"] });
    return this.op("Reshape", [t, this.ints([0, 0, width])]);
  }

  /** Sinusoidal position features computed in-graph: no table, so no maximum length. */
  sinusoidalPositions(positionIds: string, width: number, frequencies?: Float32Array): string {
    const half = width / 2;
    const invFreq = frequencies ?? new Float32Array(half);
    if (!frequencies) for (let i = 0; i < half; i++) invFreq[i] = 1 / Math.pow(10000, (2 * i) / width);
    const freq = this.floats(this.fresh("inv_freq"), [half], invFreq);
    const pos = this.op("Cast", [positionIds], { attrs: { to: 1 }, ints: ["to"] });
    const angles = this.op("Mul", [this.op("Unsqueeze", [pos, this.ints([-1])]), freq]);
    return this.op("Concat", [this.op("Sin", [angles]), this.op("Cos", [angles])], { attrs: { axis: -1 }, ints: ["axis"] });
  }

  /** Scaled dot-product attention with an additive mask [B|1, 1, S, T]. */
  attention(q: string, k: string, v: string, maskBias: string, headDim: number): string {
    const kt = this.op("Transpose", [k], { attrs: { perm: [0, 1, 3, 2] }, ints: ["perm"] });
    const scores = this.op("Mul", [this.matmul(q, kt), this.scalarFloat(1 / Math.sqrt(headDim))]);
    const probs = this.op("Softmax", [this.add(scores, maskBias)], { attrs: { axis: -1 }, ints: ["axis"] });
    return this.matmul(probs, v);
  }

  /** Additive bias 0 / -1e9 from a boolean "may attend" tensor. */
  maskToBias(allowed: string): string {
    return this.op("Where", [allowed, this.scalarFloat(0), this.scalarFloat(-1e9)]);
  }

  /**
   * One pre-norm transformer layer: multi-head self-attention and the feed-forward block, each
   * with a residual connection. `extendKeys` may prepend earlier keys and values (a KV cache).
   */
  transformerLayer(
    x: string,
    prefix: string,
    dims: { hidden: number; heads: number; headDim: number; inner: number },
    maskBias: string,
    std: number,
    extendKeys: (k: string, v: string) => { k: string; v: string } = (k, v) => ({ k, v }),
  ): string {
    const { hidden, heads, headDim, inner } = dims;
    const h = this.layerNorm(x, `${prefix}.attn_ln`, hidden);
    const project = (name: string) => this.splitHeads(this.matmul(h, this.weight(`${prefix}.${name}`, [hidden, hidden], std)), heads, headDim);
    const q = project("q");
    const { k, v } = extendKeys(project("k"), project("v"));
    const ctx = this.mergeHeads(this.attention(q, k, v, maskBias, headDim), hidden);
    const attended = this.add(x, this.matmul(ctx, this.weight(`${prefix}.o`, [hidden, hidden], std)));
    return this.feedForward(attended, `${prefix}.mlp`, hidden, inner, std);
  }

  /** Pre-norm position-wise feed-forward block with a residual connection. */
  feedForward(x: string, prefix: string, width: number, inner: number, std: number): string {
    const h = this.layerNorm(x, `${prefix}.ln`, width);
    const up = this.op("Relu", [this.matmul(h, this.weight(`${prefix}.up`, [width, inner], std))]);
    return this.add(x, this.matmul(up, this.weight(`${prefix}.down`, [inner, width], std)));
  }
}

// The tiny-chat ONNX graph: a 2-layer decoder-only transformer with a KV cache, in the I/O
// layout transformers.js expects of exported causal LMs (input_ids, attention_mask over the
// full length, position_ids, past_key_values.{i}.key|value [batch, heads, past, head_dim] in;
// logits then present.{i}.key|value out). Random seeded weights; an output bias favours
// printable ASCII so streamed text stays readable and the model never ends on its own.
import { buildOnnxModel, type ValueSpec } from "@/lib/onnx/build-model";
import { GraphBuilder } from "./graph-builder";
import { CHAT_IDS } from "./tiny-tokenizers";

export interface DecoderDims {
  layers: number;
  heads: number;
  headDim: number;
  hidden: number;
  inner: number;
  vocab: number;
  seed: number;
}

export const TINY_CHAT: DecoderDims = { layers: 2, heads: 4, headDim: 16, hidden: 64, inner: 128, vocab: CHAT_IDS.vocabSize, seed: 20240611 };

/**
 * A larger random decoder (~25 M parameters, ~100 MB) for benchmarks: per-token compute of a few
 * milliseconds, the order of a small real model, so our service's fixed per-token costs are
 * measured against realistic work instead of a 0.2 ms toy step.
 */
export const BENCH_CHAT: DecoderDims = { layers: 8, heads: 8, headDim: 64, hidden: 512, inner: 2048, vocab: CHAT_IDS.vocabSize, seed: 20240611 };

/** Why these numbers: letters and spaces dominate so output looks word-like; bytes that would
 *  decode to U+FFFD or control characters, and the end-of-turn tokens, are effectively banned. */
function outputBias(vocab: number): Float32Array {
  const bias = new Float32Array(vocab).fill(-12);
  for (let b = 0x20; b <= 0x7e; b++) bias[b] = -2; // punctuation, capitals
  for (const b of [0x2c, 0x2e]) bias[b] = 0.5; // , .
  for (let b = 0x61; b <= 0x7a; b++) bias[b] = 3;
  for (const b of [0x61, 0x65, 0x69, 0x6f, 0x75]) bias[b] = 3.5; // vowels
  bias[0x20] = 3.8;
  for (let b = 0x30; b <= 0x39; b++) bias[b] = -4; // digits would read as prices/figures
  return bias;
}

export function buildTinyDecoder(dims: DecoderDims = TINY_CHAT): Uint8Array {
  const { layers, heads, headDim, hidden, vocab, seed } = dims;
  const g = new GraphBuilder(seed);
  const std = 1 / Math.sqrt(hidden);

  const inputs: ValueSpec[] = [
    { name: "input_ids", type: "int64", shape: ["batch_size", "sequence_length"] },
    { name: "attention_mask", type: "int64", shape: ["batch_size", "total_sequence_length"] },
    { name: "position_ids", type: "int64", shape: ["batch_size", "sequence_length"] },
  ];
  const outputs: ValueSpec[] = [{ name: "logits", type: "float32", shape: ["batch_size", "sequence_length", vocab] }];
  for (let i = 0; i < layers; i++) {
    for (const kind of ["key", "value"]) {
      inputs.push({ name: `past_key_values.${i}.${kind}`, type: "float32", shape: ["batch_size", heads, "past_sequence_length", headDim] });
      outputs.push({ name: `present.${i}.${kind}`, type: "float32", shape: ["batch_size", heads, "total_sequence_length", headDim] });
    }
  }

  // Causal + padding mask: query i (absolute position past+i) sees key j when j <= past+i.
  const seqLen = g.op("Gather", [g.op("Shape", ["input_ids"]), g.scalarInt(1)], { attrs: { axis: 0 }, ints: ["axis"] });
  const total = g.op("Gather", [g.op("Shape", ["attention_mask"]), g.scalarInt(1)], { attrs: { axis: 0 }, ints: ["axis"] });
  const past = g.op("Sub", [total, seqLen]);
  const qPos = g.op("Range", [past, total, g.scalarInt(1)]);
  const kPos = g.op("Range", [g.scalarInt(0), total, g.scalarInt(1)]);
  const causal = g.op("LessOrEqual", [g.op("Unsqueeze", [kPos, g.ints([0])]), g.op("Unsqueeze", [qPos, g.ints([1])])]);
  const padding = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], { attrs: { to: 9 }, ints: ["to"] }), g.ints([1, 2])]);
  const maskBias = g.maskToBias(g.op("And", [padding, causal]));

  const embed = g.weight("embed_tokens", [vocab, hidden], 1);
  const positions = g.sinusoidalPositions("position_ids", hidden);
  let x = g.add(g.op("Gather", [embed, "input_ids"], { attrs: { axis: 0 }, ints: ["axis"] }), positions);

  const axis2 = { attrs: { axis: 2 }, ints: ["axis"] };
  for (let i = 0; i < layers; i++) {
    // The cache: this step's keys and values after the past ones, returned as present.{i}.
    x = g.transformerLayer(x, `layers.${i}`, dims, maskBias, std, (k, v) => ({
      k: g.op("Concat", [`past_key_values.${i}.key`, k], { ...axis2, out: `present.${i}.key` }),
      v: g.op("Concat", [`past_key_values.${i}.value`, v], { ...axis2, out: `present.${i}.value` }),
    }));
  }

  const final = g.layerNorm(x, "final_ln", hidden);
  const head = g.weight("lm_head", [hidden, vocab], 0.8 * std);
  // A direct position → logits path keeps greedy decoding from collapsing into one repeated
  // letter (random weights reinforce whatever was just generated): high, incommensurate
  // frequencies make neighbouring positions favour unrelated letters.
  const jitter = g.sinusoidalPositions("position_ids", hidden, g.uniform(hidden / 2, 0.7, 3.1));
  const byPosition = g.matmul(jitter, g.weight("position_head", [hidden, vocab], 2.5 * std));
  g.add(g.add(g.matmul(final, head), byPosition), g.floats("lm_bias", [vocab], outputBias(vocab)), "logits");

  return buildOnnxModel({
    name: "tiny-chat",
    inputs,
    outputs,
    nodes: g.nodes,
    initializers: g.initializers,
    opset: 17,
    producer: "faqbot-make-test-models",
  });
}

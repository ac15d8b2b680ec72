// The tiny-embed ONNX graph: a 1-layer BERT-style bidirectional encoder (input_ids,
// attention_mask, token_type_ids in; last_hidden_state out), random seeded weights. Enough to
// exercise tokenisation, padding, pooling and normalisation exactly as a real sentence encoder.
import { buildOnnxModel } from "@/lib/onnx/build-model";
import { GraphBuilder } from "./graph-builder";

export const TINY_EMBED = { layers: 1, heads: 2, headDim: 16, hidden: 32, inner: 64, seed: 20240612 } as const;

export function buildTinyEncoder(vocabSize: number): Uint8Array {
  const { layers, hidden, seed } = TINY_EMBED;
  const g = new GraphBuilder(seed);
  const std = 1 / Math.sqrt(hidden);

  const seqLen = g.op("Gather", [g.op("Shape", ["input_ids"]), g.scalarInt(1)], { attrs: { axis: 0 }, ints: ["axis"] });
  const positions = g.op("Range", [g.scalarInt(0), seqLen, g.scalarInt(1)]);
  const padding = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], { attrs: { to: 9 }, ints: ["to"] }), g.ints([1, 2])]);
  const maskBias = g.maskToBias(padding);

  const words = g.op("Gather", [g.weight("word_embeddings", [vocabSize, hidden], 1), "input_ids"], { attrs: { axis: 0 }, ints: ["axis"] });
  const types = g.op("Gather", [g.weight("token_type_embeddings", [2, hidden], 0.1), "token_type_ids"], { attrs: { axis: 0 }, ints: ["axis"] });
  let x = g.add(g.add(words, types), g.op("Mul", [g.sinusoidalPositions(positions, hidden), g.scalarFloat(0.3)]));
  x = g.layerNorm(x, "embeddings.ln", hidden);

  for (let i = 0; i < layers; i++) x = g.transformerLayer(x, `encoder.${i}`, TINY_EMBED, maskBias, std);
  g.op("Identity", [g.layerNorm(x, "final_ln", hidden)], { out: "last_hidden_state" });

  return buildOnnxModel({
    name: "tiny-embed",
    inputs: [
      { name: "input_ids", type: "int64", shape: ["batch_size", "sequence_length"] },
      { name: "attention_mask", type: "int64", shape: ["batch_size", "sequence_length"] },
      { name: "token_type_ids", type: "int64", shape: ["batch_size", "sequence_length"] },
    ],
    outputs: [{ name: "last_hidden_state", type: "float32", shape: ["batch_size", "sequence_length", hidden] }],
    nodes: g.nodes,
    initializers: g.initializers,
    opset: 17,
    producer: "faqbot-make-test-models",
  });
}

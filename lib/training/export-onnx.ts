// Writes the classifier as an ONNX graph that scores a padded sparse feature vector:
//   logits = bias + Σ_k values[k] · row_scale[indices[k]] · float(W_int8[indices[k], :])  (+ embedding · W_dense)
// Weights are int8 with one scale per feature row, which keeps a 77-class BANKING77 model ~2 MB.
// Padding slots use index 0 with value 0 and contribute nothing.
import { buildOnnxModel, type InitializerSpec, type NodeSpec, type ValueSpec } from "@/lib/onnx/build-model";
import type { LinearModel } from "./softmax";

export interface QuantizedRows {
  q: Int8Array;
  scale: Float32Array;
}

export function quantizeRows(W: Float32Array, rows: number, cols: number): QuantizedRows {
  const q = new Int8Array(rows * cols);
  const scale = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(W[r * cols + c]));
    const s = max > 0 ? max / 127 : 1;
    scale[r] = s;
    for (let c = 0; c < cols; c++) q[r * cols + c] = Math.round(W[r * cols + c] / s);
  }
  return { q, scale };
}

export function exportClassifierOnnx(model: LinearModel, metadata: Record<string, string>): Uint8Array {
  const { numFeatures: F, numClasses: C, denseDim: D } = model;
  // A vocabulary can be empty (a message of emoji only); keep one all-zero row so Gather has a table.
  const rows = Math.max(F, 1);
  const { q, scale } = quantizeRows(F > 0 ? model.W : new Float32Array(C), rows, C);
  const inputs: ValueSpec[] = [
    { name: "indices", type: "int64", shape: ["batch", "nnz"] },
    { name: "values", type: "float32", shape: ["batch", "nnz"] },
  ];
  const initializers: InitializerSpec[] = [
    { name: "W_q", type: "int8", dims: [rows, C], data: q },
    { name: "row_scale", type: "float32", dims: [rows], data: scale },
    { name: "bias", type: "float32", dims: [C], data: model.b },
    { name: "axis_nnz", type: "int64", dims: [1], data: [1] },
    { name: "axis_last", type: "int64", dims: [1], data: [2] },
  ];
  const nodes: NodeSpec[] = [
    { op: "Gather", inputs: ["W_q", "indices"], outputs: ["rows_q"], attributes: { axis: 0 }, intAttributes: ["axis"] },
    { op: "Cast", inputs: ["rows_q"], outputs: ["rows_f"], attributes: { to: 1 }, intAttributes: ["to"] },
    { op: "Gather", inputs: ["row_scale", "indices"], outputs: ["scales"], attributes: { axis: 0 }, intAttributes: ["axis"] },
    { op: "Mul", inputs: ["scales", "values"], outputs: ["weighted"] },
    { op: "Unsqueeze", inputs: ["weighted", "axis_last"], outputs: ["weighted3"] },
    { op: "Mul", inputs: ["rows_f", "weighted3"], outputs: ["contrib"] },
    { op: "ReduceSum", inputs: ["contrib", "axis_nnz"], outputs: ["sparse_logits"], attributes: { keepdims: 0 }, intAttributes: ["keepdims"] },
    { op: "Add", inputs: ["sparse_logits", "bias"], outputs: [D > 0 ? "ngram_logits" : "logits"] },
  ];
  if (D > 0) {
    inputs.push({ name: "embedding", type: "float32", shape: ["batch", D] });
    initializers.push({ name: "W_dense", type: "float32", dims: [D, C], data: model.Wd });
    nodes.push(
      { op: "MatMul", inputs: ["embedding", "W_dense"], outputs: ["dense_logits"] },
      { op: "Add", inputs: ["ngram_logits", "dense_logits"], outputs: ["logits"] },
    );
  }
  nodes.push({ op: "Softmax", inputs: ["logits"], outputs: ["probabilities"], attributes: { axis: -1 }, intAttributes: ["axis"] });
  return buildOnnxModel({
    name: "faq_classifier",
    inputs,
    outputs: [
      { name: "logits", type: "float32", shape: ["batch", C] },
      { name: "probabilities", type: "float32", shape: ["batch", C] },
    ],
    nodes,
    initializers,
    metadata,
  });
}

import { describe, expect, it } from "vitest";
import * as ort from "onnxruntime-node";
import { buildOnnxModel } from "@/lib/onnx/build-model";

describe("buildOnnxModel", () => {
  it("writes a graph that onnxruntime runs (MatMul + Add + Softmax)", async () => {
    const bytes = buildOnnxModel({
      name: "linear",
      inputs: [{ name: "x", type: "float32", shape: ["batch", 2] }],
      outputs: [{ name: "p", type: "float32", shape: ["batch", 2] }],
      initializers: [
        { name: "W", type: "float32", dims: [2, 2], data: [1, 0, 0, 1] },
        { name: "b", type: "float32", dims: [2], data: [0, 0] },
      ],
      nodes: [
        { op: "MatMul", inputs: ["x", "W"], outputs: ["z0"] },
        { op: "Add", inputs: ["z0", "b"], outputs: ["z"] },
        { op: "Softmax", inputs: ["z"], outputs: ["p"], attributes: { axis: -1 }, intAttributes: ["axis"] },
      ],
      metadata: { labels: '["a","b"]' },
    });
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ x: new ort.Tensor("float32", Float32Array.from([3, 1]), [1, 2]) });
    const p = out.p.data as Float32Array;
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[0] + p[1]).toBeCloseTo(1, 5);
  });
});

// Writes ONNX models from TypeScript. Used by the tenant-model trainer (lib/training) to export
// its classifier and by the test-model generator (scripts/make-test-models.ts) to write tiny
// transformer graphs. One small declarative spec in, the serialised ModelProto bytes out.
import onnxProto from "onnx-proto";

const { onnx } = onnxProto as unknown as { onnx: typeof import("onnx-proto").onnx };

export type TensorType = "float32" | "float16" | "int8" | "uint8" | "int32" | "int64" | "bool";

const DATA_TYPE: Record<TensorType, number> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
};

/** A graph input or output. A string dimension is symbolic (e.g. "batch", "sequence"). */
export interface ValueSpec {
  name: string;
  type: TensorType;
  shape: Array<number | string>;
}

/** A constant tensor stored in the model (weights, biases, shape constants). */
export interface InitializerSpec {
  name: string;
  type: TensorType;
  dims: number[];
  data: Float32Array | Int32Array | BigInt64Array | Int8Array | Uint8Array | Uint16Array | number[];
}

export type AttributeValue = number | string | number[] | { tensor: InitializerSpec };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attributes?: Record<string, AttributeValue>;
  /** Integer-valued attributes must be flagged, since JS numbers do not say int vs float. */
  intAttributes?: string[];
  domain?: string;
}

export interface ModelSpec {
  name: string;
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
  initializers?: InitializerSpec[];
  opset?: number;
  /** Free-form key/value metadata stored in the model (label lists, feature config checksums…). */
  metadata?: Record<string, string>;
  producer?: string;
}

function valueInfo(v: ValueSpec) {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: DATA_TYPE[v.type],
        shape: { dim: v.shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function tensor(t: InitializerSpec) {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    throw new Error(`ONNX initializer ${t.name}: ${t.data.length} values for dims [${t.dims.join(",")}]`);
  }
  const data = Array.isArray(t.data) ? typedFrom(t.type, t.data) : t.data;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // rawData is little-endian, which every platform we run on is.
  return { name: t.name, dataType: DATA_TYPE[t.type], dims: t.dims, rawData: Uint8Array.from(bytes) };
}

function typedFrom(type: TensorType, values: number[]) {
  switch (type) {
    case "float32":
      return Float32Array.from(values);
    case "int32":
      return Int32Array.from(values);
    case "int64":
      return BigInt64Array.from(values.map((v) => BigInt(v)));
    case "int8":
      return Int8Array.from(values);
    case "uint8":
    case "bool":
      return Uint8Array.from(values);
    case "float16":
      throw new Error("float16 initializers must be given as Uint16Array of half-precision bits");
  }
}

function attribute(name: string, value: AttributeValue, isInt: boolean) {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === "string") return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === "number") return isInt ? { name, type: T.INT, i: value } : { name, type: T.FLOAT, f: value };
  if (Array.isArray(value)) return isInt ? { name, type: T.INTS, ints: value } : { name, type: T.FLOATS, floats: value };
  return { name, type: T.TENSOR, t: tensor(value.tensor) };
}

/** Serialises a model spec to ONNX bytes (IR version 8, default opset 17). */
export function buildOnnxModel(spec: ModelSpec): Uint8Array {
  const model = {
    irVersion: 8,
    producerName: spec.producer ?? "faqbot",
    opsetImport: [{ domain: "", version: spec.opset ?? 17 }],
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.name,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map(tensor),
      node: spec.nodes.map((n, i) => ({
        opType: n.op,
        name: n.name ?? `${n.op}_${i}`,
        input: n.inputs,
        output: n.outputs,
        domain: n.domain ?? "",
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v, n.intAttributes?.includes(k) ?? false)),
      })),
    },
  };
  const err = onnx.ModelProto.verify(model);
  if (err) throw new Error(`invalid ONNX model spec: ${err}`);
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
}

// Loads a trained tenant model (folder or in-memory files), verifies it, and answers messages by
// running the ONNX graph in onnxruntime-node, then applying the stored calibration.
import * as ort from "onnxruntime-node";
import { decideFromScores } from "./decide";
import { embedTexts, type EmbeddingSpec } from "./embedding";
import { TrainingError } from "./errors";
import { createFeaturizer, type FeatureConfig, type FeaturizedText } from "./featurizer";
import { parseJsonFile, readModelFiles, verifyModelFiles } from "./model-files";
import { buildNeighbourIndex, nearest } from "./neighbours";
import type { Calibration, Decision, Embedder, TenantModel } from "./types";

export type FeaturesFile = FeatureConfig & {
  embedding: EmbeddingSpec | null;
  /** The FAQ's phrasings and their entry indices (absent in models trained before it existed). */
  neighbours?: { texts: string[]; labels: number[] };
};

export interface LoadedTenantModel extends TenantModel {
  kind: "ngram" | "embedding";
  checksum: string;
  calibration: Calibration;
  /** Raw logits for a batch (used by evaluation tools). */
  scoreBatch(texts: string[]): Promise<{ logits: Float32Array[]; features: FeaturizedText[] }>;
  dispose(): Promise<void>;
}

const BATCH = 64;

export async function loadTenantModel(source: string | Record<string, Uint8Array>, opts: { embed?: Embedder } = {}): Promise<LoadedTenantModel> {
  const files = typeof source === "string" ? await readModelFiles(source) : source;
  const manifest = verifyModelFiles(files);
  const features = parseJsonFile<FeaturesFile>(files, "features.json");
  const labels = parseJsonFile<string[]>(files, "labels.json");
  const calibration = parseJsonFile<Calibration>(files, "calibration.json");
  if (manifest.kind === "embedding" && !opts.embed) {
    throw new TrainingError("unavailable", "this model was trained with a sentence encoder: pass the same `embed` function to loadTenantModel");
  }
  const featurizer = createFeaturizer(features);
  const neighbours = features.neighbours
    ? buildNeighbourIndex(features.neighbours.texts.map((t) => featurizer.transform(t)), features.neighbours.labels, featurizer.size, labels.length)
    : null;
  const session = await ort.InferenceSession.create(files["model.onnx"], {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  const C = labels.length;

  async function scoreChunk(texts: string[]) {
    const feats = texts.map((t) => featurizer.transform(t));
    const width = Math.max(1, ...feats.map((f) => f.idx.length));
    const indices = new BigInt64Array(texts.length * width);
    const values = new Float32Array(texts.length * width);
    feats.forEach((f, r) => {
      for (let j = 0; j < f.idx.length; j++) {
        indices[r * width + j] = BigInt(f.idx[j]);
        values[r * width + j] = f.val[j];
      }
    });
    const feeds: Record<string, ort.Tensor> = {
      indices: new ort.Tensor("int64", indices, [texts.length, width]),
      values: new ort.Tensor("float32", values, [texts.length, width]),
    };
    if (manifest.kind === "embedding" && features.embedding) {
      const dense = await embedTexts(opts.embed!, texts, features.embedding);
      const flat = new Float32Array(texts.length * features.embedding.dim);
      dense.forEach((v, r) => flat.set(v, r * features.embedding!.dim));
      feeds.embedding = new ort.Tensor("float32", flat, [texts.length, features.embedding.dim]);
    }
    const out = await session.run(feeds, ["logits"]);
    const data = out.logits.data as Float32Array;
    return { logits: texts.map((_, r) => data.slice(r * C, (r + 1) * C)), features: feats };
  }

  async function scoreBatch(texts: string[]) {
    const logits: Float32Array[] = [];
    const feats: FeaturizedText[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const r = await scoreChunk(texts.slice(i, i + BATCH));
      logits.push(...r.logits);
      feats.push(...r.features);
    }
    return { logits, features: feats };
  }

  async function decideBatch(texts: string[]): Promise<Decision[]> {
    if (texts.length === 0) return [];
    const { logits, features: feats } = await scoreBatch(texts);
    return logits.map((z, i) =>
      decideFromScores(z, { coverage: feats[i].coverage, nearest: neighbours ? nearest(neighbours, feats[i]) : undefined }, feats[i].idx.length, calibration, labels),
    );
  }

  return {
    kind: manifest.kind,
    checksum: manifest.checksum,
    labels,
    calibration,
    scoreBatch,
    decideBatch,
    async decide(text) {
      return (await decideBatch([text]))[0];
    },
    async dispose() {
      await session.release();
    },
  };
}

// Loads a trained tenant model (folder or in-memory files), verifies it, and answers messages by
// running the ONNX graph in onnxruntime-node, then applying the stored calibration.
import * as ort from "onnxruntime-node";
import { decideFromScores } from "./decide";
import { embedTexts, type EmbeddingSpec } from "./embedding";
import { TrainingError } from "./errors";
import { createFeaturizer, type FeatureConfig, type FeaturizedText } from "./featurizer";
import { parseJsonFile, readModelFiles, verifyModelFiles } from "./model-files";
import { buildNeighbourIndex, nearest } from "./neighbours";
import { buildSemanticIndex, guessLanguageFromFaq, scoreMessage, type SemanticIndex, type Token } from "./semantic";
import { detectTextLanguage } from "./text-language";
import type { Calibration, Decision, Embedder, TenantModel } from "./types";
import { temperedSoftmax } from "./softmax";
import { understand, type Understanding } from "./understand";

export type FeaturesFile = FeatureConfig & {
  embedding: EmbeddingSpec | null;
  /** The FAQ's phrasings and their entry indices (absent in models trained before it existed). */
  neighbours?: { texts: string[]; labels: number[] };
};

export interface LoadedTenantModel extends TenantModel {
  kind: "ngram" | "embedding";
  checksum: string;
  calibration: Calibration;
  /** Whether the semantic view is on (small FAQs, or entries given at load). */
  semantic: boolean;
  /**
   * The full decision for one message: both views, the message's language (only entries in it may
   * answer when the FAQ has any), and for elliptical follow-ups the previous question as context.
   */
  understand(text: string, opts?: UnderstandOptions): Promise<Understanding>;
  /** The FAQ language whose words the message shares most, or null (see semantic.ts). */
  guessLanguage(text: string): string | null;
  /** Raw logits for a batch (used by evaluation tools). */
  scoreBatch(texts: string[]): Promise<{ logits: Float32Array[]; features: FeaturizedText[] }>;
  dispose(): Promise<void>;
}

export interface UnderstandOptions {
  /** The customer's language (detected from the message or the conversation). */
  language?: string | null;
  /** Earlier customer text whose meaning carries over (an elliptical follow-up). */
  context?: string;
  /** The context is the FAQ's own question: the customer picked it from the bot's choices. */
  contextFromFaq?: boolean;
  /** Answer threshold on P(right) (default: the measured 5 % wrong-answer point; see answer-model.ts). */
  threshold?: number;
}

/** Entries the model may answer with, and what the semantic view reads of them. */
export interface EntryInfo {
  key: string;
  answer?: string;
  language?: string | null;
}

const BATCH = 64;
/** FAQs up to this many phrasings get the semantic view without being asked (it scans every phrasing). */
const SEMANTIC_MAX_PHRASINGS = 400;

export async function loadTenantModel(source: string | Record<string, Uint8Array>, opts: { embed?: Embedder; entries?: EntryInfo[]; semantic?: boolean } = {}): Promise<LoadedTenantModel> {
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
  const semanticIndex = buildSemantic(features, labels, opts);
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

  const allowedByLanguage = new Map<string, Uint8Array | null>();
  function allowedFor(language: string | null | undefined): Uint8Array | null {
    if (!language || !semanticIndex) return null;
    const hit = allowedByLanguage.get(language);
    if (hit !== undefined) return hit;
    const mask = new Uint8Array(C);
    let any = false;
    for (const e of semanticIndex.entries) {
      if (e.language === language || e.language === null) mask[e.label] = 1;
      if (e.language === language) any = true;
    }
    const result = any ? mask : null;
    allowedByLanguage.set(language, result);
    return result;
  }

  async function understandOne(text: string, o: UnderstandOptions = {}): Promise<Understanding> {
    const query = o.context ? `${o.context} ${text}` : text;
    const { logits, features: feats } = await scoreBatch([query]);
    const z = logits[0];
    const classifier = decideFromScores(z, { coverage: feats[0].coverage, nearest: neighbours ? nearest(neighbours, feats[0]) : undefined }, feats[0].idx.length, calibration, labels);
    if (!semanticIndex) return { ...classifier, views: { votes: 0, calibrated: classifier.kind === "answer", semanticTop: null, semanticScore: 0, semanticMargin: 0, classifierTop: classifier.candidates[0]?.label ?? null, agree: false, coverage: feats[0].coverage, ownCoverage: feats[0].coverage, contentTokens: feats[0].idx.length, combined: 0, combinedMargin: 0 } };
    const language = o.language ?? detectTextLanguage(text);
    let context: Token[] | undefined;
    if (o.context) context = scoreMessage(semanticIndex, o.context, { language, only: [] }).tokens;
    const semantic = scoreMessage(semanticIndex, text, { language, context });
    const probs = temperedSoftmax(z, calibration.temperature);
    return understand({ classifier, probs, semantic, labels, allowed: allowedFor(language), threshold: o.threshold, followup: Boolean(o.context), contextFromFaq: Boolean(o.context && o.contextFromFaq) });
  }

  return {
    kind: manifest.kind,
    checksum: manifest.checksum,
    labels,
    calibration,
    semantic: semanticIndex !== null,
    scoreBatch,
    decideBatch: (texts) => (semanticIndex ? Promise.all(texts.map((t) => understandOne(t))) : decideBatch(texts)),
    understand: understandOne,
    guessLanguage: (text) => (semanticIndex ? guessLanguageFromFaq(semanticIndex, text) : null),
    async decide(text) {
      return semanticIndex ? understandOne(text) : (await decideBatch([text]))[0];
    },
    async dispose() {
      await session.release();
    },
  };
}


/** The semantic view over the FAQ's phrasings (from features.json) and, when given, answers and languages. */
function buildSemantic(features: FeaturesFile, labels: string[], opts: { entries?: EntryInfo[]; semantic?: boolean }): SemanticIndex | null {
  if (!features.neighbours || opts.semantic === false) return null;
  const n = features.neighbours.texts.length;
  if (!opts.entries && !opts.semantic && n > SEMANTIC_MAX_PHRASINGS) return null;
  const info = new Map((opts.entries ?? []).map((e) => [e.key, e]));
  const byLabel = labels.map((key, label) => ({ label, phrasings: [] as string[], answer: info.get(key)?.answer, language: info.get(key)?.language ?? null }));
  features.neighbours.texts.forEach((t, i) => byLabel[features.neighbours!.labels[i]]?.phrasings.push(t));
  return buildSemanticIndex(byLabel, labels.length);
}

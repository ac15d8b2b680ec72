// Turns a message into a sparse TF-IDF vector: word-bounded character n-grams plus word n-grams,
// each block L2-normalised and weighted, then the whole vector L2-normalised. The vocabulary is
// pruned from the tenant's own phrasings; config + vocabulary serialise to features.json so any
// runtime (onnxruntime-web included) can reproduce the vector the ONNX graph expects.
import { NORMALIZATION_STEPS, normalizeText, tokenize } from "./normalize";
import { correctTokens, type Speller, buildSpeller } from "./spelling";

/** How to rebuild the ONNX input from a message, for runtimes other than this library. */
export const FEATURE_RECIPE = [
  "normalise the text (see `normalization`), split on spaces into words",
  "if spellCorrection: replace each unknown word (≥ 4 chars, no digits) by the unique vocabulary word (\"w:\" keys without a space) at Damerau edit distance 1",
  "count keys: for each word padded as ' word ', every substring of length charNgram[0]..charNgram[1] as 'c:'+substring; every run of wordNgram[0]..wordNgram[1] consecutive words joined by one space as 'w:'+run",
  "keep keys present in `vocab` (index = position); weight = (1 + ln count) * idf[index]",
  "L2-normalise the 'c:' weights and the 'w:' weights separately, multiply by blockWeights.char / blockWeights.word, then L2-normalise all together",
  "feed indices (int64) and weights (float32) as [batch, nnz] tensors, padding with index 0 / value 0",
  "coverage = kept keys / distinct keys (used by calibration.json's scope model); a message with no kept key is handed off",
  "nearest (models with `neighbours`): cosine between the message's vector and each phrasing's vector, both restricted to keys found in at most max(64, ceil(1% of phrasings)) phrasings and re-normalised; per entry the highest (see lib/training/decide.ts correctFeatures)",
];

export interface FeatureConfig {
  version: 1;
  recipe: string[];
  normalization: string[];
  /** Character n-grams inside each word padded with one space on both sides (sklearn "char_wb"). */
  charNgram: [number, number];
  /** "word": n-grams never cross a space; "text": n-grams run over the whole padded message. */
  charScope: "word" | "text";
  wordNgram: [number, number];
  /** tf → 1 + ln(tf); idf = ln((1 + N) / (1 + df)) + 1; each block L2-normalised, times its weight; whole vector L2-normalised. */
  blockWeights: { char: number; word: number };
  /** Unknown words of ≥ 4 letters are replaced by the unique known word at edit distance 1 (typos). */
  spellCorrection: boolean;
  /** Feature keys, index = position: "c:" + char n-gram, "w:" + space-joined word n-gram. */
  vocab: string[];
  idf: number[];
}

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface FeaturizedText extends SparseVector {
  /** Share of the message's n-grams that the FAQ vocabulary knows (0 for an empty message). */
  coverage: number;
}

export interface FeatureOptions {
  charNgram?: [number, number];
  charScope?: "word" | "text";
  wordNgram?: [number, number];
  blockWeights?: { char: number; word: number };
  minDf?: number;
  maxFeatures?: number;
  spellCorrection?: boolean;
}

function countKeys(tokens: string[], cfg: Pick<FeatureConfig, "charNgram" | "wordNgram" | "charScope">, into: Map<string, number>) {
  const [cMin, cMax] = cfg.charNgram;
  for (const t of cfg.charScope === "text" ? [tokens.join(" ")] : tokens) {
    const padded = ` ${t} `;
    for (let n = cMin; n <= cMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const k = "c:" + padded.slice(i, i + n);
        into.set(k, (into.get(k) ?? 0) + 1);
      }
      if (n >= padded.length) break;
    }
  }
  const [wMin, wMax] = cfg.wordNgram;
  for (let n = wMin; n <= wMax; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const k = "w:" + tokens.slice(i, i + n).join(" ");
      into.set(k, (into.get(k) ?? 0) + 1);
    }
  }
  return into;
}

export function buildFeatureConfig(texts: string[], opts: FeatureOptions = {}): FeatureConfig {
  const base = {
    charNgram: opts.charNgram ?? ([2, 5] as [number, number]),
    charScope: opts.charScope ?? "word",
    wordNgram: opts.wordNgram ?? ([1, 2] as [number, number]),
  };
  const df = new Map<string, number>();
  for (const text of texts) {
    const keys = countKeys(tokenize(normalizeText(text)), base, new Map());
    for (const k of keys.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const minDf = opts.minDf ?? (texts.length > 3000 ? 2 : 1);
  let kept = [...df.entries()].filter(([, d]) => d >= minDf);
  if (opts.maxFeatures && kept.length > opts.maxFeatures) {
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    kept = kept.slice(0, opts.maxFeatures);
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const N = texts.length;
  return {
    version: 1,
    recipe: FEATURE_RECIPE,
    normalization: NORMALIZATION_STEPS,
    ...base,
    blockWeights: opts.blockWeights ?? { char: 1, word: 1 },
    spellCorrection: opts.spellCorrection ?? true,
    vocab: kept.map(([k]) => k),
    idf: kept.map(([, d]) => Math.fround(Math.log((1 + N) / (1 + d)) + 1)),
  };
}

export interface Featurizer {
  config: FeatureConfig;
  size: number;
  transform(text: string): FeaturizedText;
}

export function createFeaturizer(config: FeatureConfig): Featurizer {
  const index = new Map<string, number>();
  config.vocab.forEach((k, i) => index.set(k, i));
  const idf = Float32Array.from(config.idf);
  const speller: Speller | null = config.spellCorrection ? buildSpeller(config.vocab) : null;
  return {
    config,
    size: config.vocab.length,
    transform(text) {
      let tokens = tokenize(normalizeText(text));
      if (speller) tokens = correctTokens(tokens, speller);
      const counts = countKeys(tokens, config, new Map());
      const idx: number[] = [];
      const val: number[] = [];
      const norms = [0, 0];
      const block: number[] = [];
      for (const [k, tf] of counts) {
        const i = index.get(k);
        if (i === undefined) continue;
        const w = (1 + Math.log(tf)) * idf[i];
        const b = k.charCodeAt(0) === 99 /* c */ ? 0 : 1;
        idx.push(i);
        val.push(w);
        block.push(b);
        norms[b] += w * w;
      }
      const scale = [config.blockWeights.char / (Math.sqrt(norms[0]) || 1), config.blockWeights.word / (Math.sqrt(norms[1]) || 1)];
      let total = 0;
      for (let j = 0; j < val.length; j++) {
        val[j] *= scale[block[j]];
        total += val[j] * val[j];
      }
      const inv = total > 0 ? 1 / Math.sqrt(total) : 0;
      const out = new Float32Array(val.length);
      for (let j = 0; j < val.length; j++) out[j] = val[j] * inv;
      return { idx: Int32Array.from(idx), val: out, coverage: counts.size > 0 ? idx.length / counts.size : 0 };
    },
  };
}

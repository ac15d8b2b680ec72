// One classifier fit: vocabulary from the given phrasings, TF-IDF vectors, softmax regression.
// Used for every cross-validation fold and for the final exported model, so both behave alike.
import { buildFeatureConfig, createFeaturizer, type Featurizer, type FeaturizedText } from "./featurizer";
import { buildNeighbourIndex, nearest, type NeighbourIndex, type Nearest } from "./neighbours";
import { logits, trainSoftmax, type LinearModel } from "./softmax";

export interface FitInput {
  texts: string[];
  y: number[];
  numClasses: number;
  /** texts[0..originals-1] are the FAQ's own phrasings (the rest augmented copies); default all. */
  originals?: number;
  /** Dense embedding per text (already scaled), or undefined. */
  dense?: Float32Array[];
  seed: number;
  signal?: AbortSignal;
  onEpoch?: (epoch: number, epochs: number) => void;
  /** Overrides for experiments (bench/tuning); production uses the defaults. */
  hyper?: Partial<Hyper>;
}

export interface Hyper {
  epochs: number;
  lambda: number;
  lr: number;
  charNgram: [number, number];
  wordNgram: [number, number];
  blockWeights: { char: number; word: number };
}

export interface FittedClassifier {
  featurizer: Featurizer;
  model: LinearModel;
  /** Nearest-phrasing index over the original phrasings. */
  neighbours: NeighbourIndex;
}

export function epochsFor(n: number) {
  return n > 5000 ? 10 : n > 1000 ? 15 : 30;
}

export function fitClassifier(input: FitInput): FittedClassifier {
  // With thousands of phrasings, character bigrams add cost (a quarter of the features per message)
  // but no accuracy (BANKING77: 91.4% with, 91.6% without); few-shot FAQs keep them.
  const h = input.hyper ?? {};
  const config = buildFeatureConfig(input.texts, {
    charNgram: h.charNgram ?? (input.texts.length >= 3000 ? [3, 5] : [2, 5]),
    wordNgram: h.wordNgram,
    blockWeights: h.blockWeights,
  });
  const featurizer = createFeaturizer(config);
  const x = input.texts.map((t) => featurizer.transform(t));
  const model = trainSoftmax(
    { x, y: Int32Array.from(input.y), dense: input.dense, numFeatures: featurizer.size, numClasses: input.numClasses },
    { epochs: h.epochs ?? epochsFor(input.texts.length), lambda: h.lambda ?? 1e-5, lr: h.lr ?? 0.8, seed: input.seed, signal: input.signal, onEpoch: input.onEpoch },
  );
  const originals = input.originals ?? input.texts.length;
  const neighbours = buildNeighbourIndex(x.slice(0, originals), input.y.slice(0, originals), featurizer.size, input.numClasses);
  return { featurizer, model, neighbours };
}

export function scoreText(fc: FittedClassifier, text: string, dense?: Float32Array): { z: Float32Array; f: FeaturizedText; near: Nearest } {
  const f = fc.featurizer.transform(text);
  const z = logits(fc.model, f, dense, new Float32Array(fc.model.numClasses));
  return { z, f, near: nearest(fc.neighbours, f) };
}

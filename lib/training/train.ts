// trainTenantModel: FAQ phrasings in, a verified, calibrated, ONNX-exported tenant model out.
// Steps: validate → augment few-shot entries → (optional) embed → cross-validate for out-of-fold
// scores → calibrate + choose thresholds → fit the final model on everything → export files.
import { z } from "zod";
import { augment } from "./augment";
import { keyPhrasings } from "./entry-keys";
import { fitCalibration } from "./calibration";
import { planFolds, runFold } from "./cross-validate";
import { runFoldsInWorker } from "./parallel-folds";
import type { OofRecord } from "./calibration";
import { DEFAULT_EMBEDDING_WEIGHT, embedTexts, type EmbeddingSpec } from "./embedding";
import { TrainingError } from "./errors";
import { exportClassifierOnnx } from "./export-onnx";
import { fitClassifier, type FittedClassifier } from "./fit-classifier";
import { jsonBytes, withManifest } from "./model-files";
import { normalizeText } from "./normalize";
import { offTopicFor } from "./off-topic";
import { buildReport } from "./report";
import { conversationReport } from "./conversation-report";
import { thresholdFor } from "./answer-model";
import { checkAborted } from "./softmax";
import type { FaqExample, TrainedModel, TrainOptions } from "./types";

const ZExamples = z.array(z.object({ text: z.string(), label: z.string().min(1) }));

const ZOptions = z.object({
  targetWrongRate: z.number().gt(0).lt(1).default(0.05),
  unrelatedShare: z.number().min(0).lt(1).default(0.2),
  suggestHitRate: z.number().gt(0).lte(1).default(0.5),
  seed: z.number().int().default(0),
  threads: z.number().int().min(1).default(2),
  entryKeyPhrasings: z.boolean().default(false),
});

/** Sentences of an answer worth learning from (a few words at least; at most eight per answer). */
export function answerSentences(answer: string): string[] {
  return answer
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => normalizeText(s).split(" ").length >= 3)
    .slice(0, 8);
}

/** Below this, starting a worker thread costs more than it saves. */
const PARALLEL_MIN_PHRASINGS = 500;

function validate(examples: FaqExample[]) {
  const parsed = ZExamples.safeParse(examples);
  if (!parsed.success) throw new TrainingError("invalid_input", `FAQ phrasings must be {text, label} pairs: ${parsed.error.issues[0]?.message}`);
  const notes: string[] = [];
  const kept = parsed.data.map((e) => ({ text: e.text.trim(), label: e.label })).filter((e) => normalizeText(e.text).length > 0);
  if (kept.length === 0) throw new TrainingError("empty_input", "the FAQ has no phrasings with words in them: add at least one question per entry");
  if (kept.length < parsed.data.length) notes.push(`${parsed.data.length - kept.length} phrasings without letters or digits were ignored`);
  const labels = [...new Set(kept.map((e) => e.label))].sort();
  if (labels.length < 2) throw new TrainingError("invalid_input", "the FAQ needs at least two entries to tell questions apart");
  return { kept, labels, notes };
}

export async function trainTenantModel(examples: FaqExample[], options: TrainOptions = {}): Promise<TrainedModel> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));
  const parsed = ZOptions.safeParse({
    targetWrongRate: options.targetWrongRate,
    unrelatedShare: options.unrelatedShare,
    suggestHitRate: options.suggestHitRate,
    seed: options.seed,
    threads: options.threads,
    entryKeyPhrasings: options.entryKeyPhrasings,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrainingError("invalid_input", `training option ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const settings = parsed.data;
  // Throttled: a per-epoch callback would otherwise flood a job queue with hundreds of updates.
  let last = { phase: "", fraction: -1 };
  const progress = (phase: string, fraction: number, message?: string) => {
    const f = Math.min(1, Math.max(0, fraction));
    if (phase === last.phase && f - last.fraction < 0.01 && f < 1) return;
    last = { phase, fraction: f };
    options.onProgress?.({ phase, fraction: f, message });
  };
  checkAborted(options.signal);
  progress("prepare", 0);

  const { kept, labels, notes } = validate(examples);
  const index = new Map(labels.map((l, i) => [l, i]));
  const phrasings = augment(
    kept.map((e) => e.text),
    kept.map((e) => index.get(e.label)!),
    settings.seed,
  );
  // Answer sentences: learned in every fold (source -1 is in no fold) but never scored, so the
  // report and calibration still measure held-out customer-style phrasings only.
  for (const [key, answer] of Object.entries(options.answers ?? {})) {
    const label = index.get(key);
    if (label === undefined) continue;
    for (const sentence of answerSentences(answer)) phrasings.push({ text: sentence, label, source: -1 });
  }
  if (settings.entryKeyPhrasings) {
    phrasings.push(...keyPhrasings(labels, phrasings.slice(0, kept.length), new Set(kept.map((e) => normalizeText(e.text)))));
  }

  const offTopic: { texts: string[]; dense?: Float32Array[] } = { texts: offTopicFor(kept.map((e) => e.text)) };
  let dense: Float32Array[] | undefined;
  let embedding: EmbeddingSpec | null = null;
  if (options.embed) {
    const t = performance.now();
    progress("embed", 0.02, "encoding phrasings");
    dense = await embedTexts(options.embed, phrasings.map((p) => p.text), null);
    embedding = { dim: dense[0]?.length ?? 0, weight: DEFAULT_EMBEDDING_WEIGHT };
    if (embedding.dim === 0) throw new TrainingError("invalid_input", "the embedder returned empty vectors");
    offTopic.dense = await embedTexts(options.embed, offTopic.texts, embedding);
    lap("embedMs", t);
  }
  checkAborted(options.signal);

  // Folds (for calibration and the report) and the final fit are independent: with a second core,
  // a worker takes about half the folds while this thread does the rest and then the final model.
  let t = performance.now();
  const plan = planFolds(phrasings, kept.length, labels.length, settings.seed, dense, offTopic);
  const all = Array.from({ length: plan.folds }, (_, k) => k);
  const parallel = settings.threads > 1 && kept.length >= PARALLEL_MIN_PHRASINGS;
  const remote = parallel ? all.slice(0, Math.ceil(plan.folds / 2)) : [];
  const helper = remote.length ? runFoldsInWorker(plan, remote, options.signal) : null;
  const records: OofRecord[] = [];
  let final: FittedClassifier;
  try {
    const local = all.filter((k) => !remote.includes(k));
    const units = local.length + 1.5;
    local.forEach((k, j) =>
      records.push(
        ...runFold(plan, k, {
          signal: options.signal,
          onEpoch: (e, E) => progress("evaluate", 0.05 + (0.9 * (j + e / E)) / units, `fold ${k + 1}/${plan.folds}`),
        }),
      ),
    );
    lap("localFoldsMs", t);
    t = performance.now();
    final = fitClassifier({
      texts: phrasings.map((p) => p.text),
      y: phrasings.map((p) => p.label),
      numClasses: labels.length,
      originals: kept.length,
      dense,
      seed: settings.seed,
      signal: options.signal,
      onEpoch: (e, E) => progress("train", 0.05 + (0.9 * (local.length + 1.5 * (e / E))) / units, "final model"),
    });
    lap("finalFitMs", t);
    t = performance.now();
    if (helper) {
      const fromWorker = await helper.records;
      checkAborted(options.signal);
      if (fromWorker) records.push(...fromWorker);
      else for (const k of remote) records.push(...runFold(plan, k, { signal: options.signal }));
    }
    lap("waitFoldsMs", t);
  } finally {
    helper?.stop();
  }

  t = performance.now();
  progress("calibrate", 0.95);
  const fit = fitCalibration(records, settings);
  lap("calibrationMs", t);

  t = performance.now();
  progress("export", 0.97);
  const kind = embedding ? "embedding" : "ngram";
  const onnx = exportClassifierOnnx(final.model, { labels: JSON.stringify(labels), kind });
  const packed = withManifest(
    {
      "model.onnx": onnx,
      "features.json": jsonBytes({
        ...final.featurizer.config,
        embedding,
        // The FAQ's own phrasings, for the nearest-phrasing evidence the scope model reads.
        neighbours: { texts: kept.map((e) => e.text), labels: kept.map((e) => index.get(e.label)!) },
      }),
      "labels.json": jsonBytes(labels),
      "calibration.json": jsonBytes(fit.calibration),
    },
    {
      kind,
      classes: labels.length,
      features: final.featurizer.size,
      embeddingDim: embedding?.dim ?? 0,
      quantization: "int8 weights, one float32 scale per feature row",
    },
  );
  lap("exportMs", t);
  timings.totalMs = Math.round(performance.now() - started);
  const evaluation = buildReport({ records: records.filter((r) => !r.nearVerbatim), fit, labels, n: kept.length, folds: plan.folds, notes, timings, languages: options.languages });
  if (kept.length <= 400) {
    const t2 = performance.now();
    const byLabel: string[][] = labels.map(() => []);
    for (const e of kept) byLabel[index.get(e.label)!].push(e.text);
    // The pairs are the report's own, already counted within a language (buildReport above).
    evaluation.conversation = { ...conversationReport({ records, labels, phrasings: byLabel, answers: options.answers ?? {}, languages: options.languages ?? {}, calibration: fit.calibration, threshold: thresholdFor(settings.targetWrongRate) }), confusedPairs: evaluation.confusedPairs };
    timings.conversationReportMs = Math.round(performance.now() - t2);
  }
  progress("done", 1);
  return { kind, files: packed.files, checksum: packed.checksum, sizeBytes: packed.sizeBytes, evaluation, calibration: fit.calibration };
}

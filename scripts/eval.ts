// Evaluates the tenant-model pipeline on a labelled train/test split, through exactly the code a
// tenant's FAQ goes through: trainTenantModel → files → loadTenantModel (onnxruntime-node) → decide.
// The operating point is the calibrated one chosen from the training file alone.
//
//   npm run eval -- --train a.csv --test b.csv [--oos-label oos] [--embedding-model <id|dir>] [--target-wrong-rate 0.05] [--unrelated-share 0.2] [--seed 0] [--entry-key-phrasings]
//
// Both files need `text,label` columns. The LAST line printed is JSON (see lib/training/test-metrics.ts
// for exact definitions): inScopeAccuracy = in-scope test rows whose top-1 candidate is the right
// entry / in-scope rows (no abstention); answeredAccuracy = in-scope rows answered with the right
// entry / in-scope rows (Larson et al.: not answering counts as wrong); oosRecall = oos rows not
// answered / oos rows (null without oos rows); answeredWrongRate = wrong answers / answers, over all
// test rows; answeredShare = answers / all test rows.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadTenantModel, trainTenantModel, type Embedder } from "@/lib/training";
import { parseLabelledCsv } from "@/lib/training/labelled-csv";
import { measureTestSet } from "@/lib/training/test-metrics";

async function loadEmbedding(id: string): Promise<Embedder> {
  try {
    const { env } = await import("@/lib/env");
    const { resolveModel } = await import("@/lib/models/model-source");
    const { loadEmbedder } = await import("@/lib/models/embedder");
    const e = env();
    const r = resolveModel("embedding", id, { modelsDir: e.modelsDir, allowRemoteModels: e.ALLOW_REMOTE_MODELS, dtype: e.MODEL_DTYPE });
    if (!r.ok) throw new Error(r.error);
    const embedder = await loadEmbedder(r.model, e.MODEL_THREADS || 2);
    return (texts) => embedder.embed(texts);
  } catch (err) {
    throw new Error(`embedding model ${id} is not available in this build: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function readCsv(path: string, what: string) {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch {
    throw new Error(`cannot read the ${what} file ${path}`);
  }
  return parseLabelledCsv(content, `${what} file ${path}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      train: { type: "string" },
      test: { type: "string" },
      "oos-label": { type: "string", default: "oos" },
      "embedding-model": { type: "string" },
      "target-wrong-rate": { type: "string", default: "0.05" },
      "unrelated-share": { type: "string" },
      seed: { type: "string", default: "0" },
      "entry-key-phrasings": { type: "boolean", default: false },
    },
  });
  if (!values.train || !values.test) throw new Error("usage: npm run eval -- --train <a.csv> --test <b.csv> [--oos-label oos] [--embedding-model <id|dir>]");
  const oosLabel = values["oos-label"]!;
  const train = (await readCsv(values.train, "train")).filter((r) => r.label !== oosLabel);
  const test = await readCsv(values.test, "test");
  const embed = values["embedding-model"] ? await loadEmbedding(values["embedding-model"]) : undefined;

  const started = performance.now();
  const trained = await trainTenantModel(train, {
    embed,
    targetWrongRate: Number(values["target-wrong-rate"]),
    unrelatedShare: values["unrelated-share"] === undefined ? undefined : Number(values["unrelated-share"]),
    seed: Number(values.seed),
    entryKeyPhrasings: values["entry-key-phrasings"],
    onProgress: (p) => process.stderr.write(`\r${p.phase.padEnd(10)} ${(p.fraction * 100).toFixed(0).padStart(3)}%`),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  process.stderr.write("\n");
  const model = await loadTenantModel(trained.files, { embed });
  const known = new Set(model.labels);
  const unknown = test.filter((r) => r.label !== oosLabel && !known.has(r.label)).length;
  if (unknown > 0) console.log(`note: ${unknown} test rows have labels absent from the training file; they count as in-scope and can never be right`);
  const m = await measureTestSet(model, test, oosLabel);
  await model.dispose();

  const ev = trained.evaluation;
  console.log(`training: ${train.length} phrasings, ${ev.entries} entries, ${trainSeconds.toFixed(2)} s, model ${(trained.sizeBytes / 1e6).toFixed(2)} MB (${trained.kind})`);
  console.log(
    `out-of-fold (training data only): accuracy ${pct(ev.inScopeAccuracy)}, answered ${pct(ev.answeredShare)}, wrong among answered ${pct(ev.answeredWrongRate)}, unrelated stand-ins (held-out entries + off-topic questions) answered ${pct(ev.unrelatedAnsweredRate)}`,
  );
  console.log(`thresholds: answer ≥ ${trained.calibration.answerThreshold.toFixed(3)}, suggest ≥ ${trained.calibration.suggestThreshold.toFixed(3)}, temperature ${trained.calibration.temperature.toFixed(3)}`);
  console.log(
    `test: ${m.n} rows (${m.outOfScope} out-of-scope): top-1 ${pct(m.top1Accuracy)}, answered-and-right ${pct(m.answeredAccuracy)}, answered ${pct(m.answeredShare)}, oos recall ${pct(m.oosRecall)}, wrong among answered ${pct(m.answeredWrongRate)}`,
  );
  console.log(
    JSON.stringify({
      inScopeAccuracy: m.top1Accuracy,
      answeredAccuracy: m.answeredAccuracy,
      answeredShare: m.answeredShare,
      suggestedShare: m.suggestedShare,
      oosRecall: m.oosRecall,
      answeredWrongRate: m.answeredWrongRate,
      trainSeconds: Number(trainSeconds.toFixed(3)),
      msPerQuery: Number(m.msPerQuery.toFixed(4)),
      modelBytes: trained.sizeBytes,
    }),
  );
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

main().catch((err) => {
  console.error(`eval failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

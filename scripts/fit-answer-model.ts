// Fits lib/training/answer-model.json: the logistic model of "the best entry is the right answer"
// over the views' evidence, from a dump of the development dialogues, and measures its operating
// points leave-one-business-out (fit on the other businesses, score the one left out).
//
//   npm run eval:dialogue -- --split dev --dump /tmp/dev.jsonl
//   npx tsx scripts/fit-answer-model.ts /tmp/dev.jsonl [--write]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EVIDENCE_FEATURES, type AnswerEvidence, type AnswerModel } from "@/lib/training/answer-model";
import { POLICY } from "@/lib/training/understand";

interface Row {
  file: string;
  expect: string;
  expected: string[];
  top: string;
  evidence?: AnswerEvidence;
  /** P(right) raised to 0.97 by the near-verbatim rule: answered at every threshold up to 0.97. */
  floored?: boolean;
  views?: { coverage: number };
}

const file = process.argv[2];
if (!file) throw new Error("usage: tsx scripts/fit-answer-model.ts <dump.jsonl> [--write]");
const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row).filter((r) => r.evidence);
const X = rows.map((r) => EVIDENCE_FEATURES.map((f) => r.evidence![f]));
const y = rows.map((r) => (r.expect === "answer" && r.expected.includes(r.top) ? 1 : 0));
const answerable = rows.map((r) => r.expect === "answer");

function fit(idx: number[], l2 = 1, iters = 4000, lr = 0.1) {
  const d = EVIDENCE_FEATURES.length;
  const mean = Array(d).fill(0);
  const std = Array(d).fill(0);
  for (const i of idx) X[i].forEach((v, k) => (mean[k] += v / idx.length));
  for (const i of idx) X[i].forEach((v, k) => (std[k] += (v - mean[k]) ** 2 / idx.length));
  for (let k = 0; k < d; k++) std[k] = Math.sqrt(std[k]) || 1;
  const Z = idx.map((i) => X[i].map((v, k) => (v - mean[k]) / std[k]));
  const w = Array(d).fill(0);
  let b = 0;
  for (let it = 0; it < iters; it++) {
    const g = Array(d).fill(0);
    let gb = 0;
    Z.forEach((z, n) => {
      const p = 1 / (1 + Math.exp(-(z.reduce((a, v, k) => a + v * w[k], b))));
      const e = p - y[idx[n]];
      z.forEach((v, k) => (g[k] += e * v));
      gb += e;
    });
    for (let k = 0; k < d; k++) w[k] -= lr * (g[k] / Z.length + (l2 * w[k]) / Z.length);
    b -= lr * (gb / Z.length);
  }
  return { mean, std, w, b };
}

const predict = (m: ReturnType<typeof fit>, x: number[]) => 1 / (1 + Math.exp(-x.reduce((a, v, k) => a + m.w[k] * ((v - m.mean[k]) / m.std[k]), m.b)));

// Leave one business out.
const businesses = [...new Set(rows.map((r) => r.file))].sort();
const oof = new Array<number>(rows.length).fill(0);
for (const b of businesses) {
  const train = rows.map((r, i) => (r.file !== b ? i : -1)).filter((i) => i >= 0);
  const m = fit(train);
  rows.forEach((r, i) => {
    // The curve is the product's: what the near-verbatim rule answers, and nothing below the
    // coverage the policy requires, whatever the model says.
    if (r.file === b) oof[i] = (r.views?.coverage ?? 1) < POLICY.minCoverage ? 0 : r.floored ? Math.max(0.97, predict(m, X[i])) : predict(m, X[i]);
  });
}
const totalAnswerable = answerable.filter(Boolean).length;
const curve: AnswerModel["curve"] = [];
for (let t = 0.3; t <= 0.96; t += 0.025) {
  let right = 0;
  let wrong = 0;
  oof.forEach((p, i) => {
    if (p < t) return;
    if (y[i]) right++;
    else wrong++;
  });
  curve.push({ threshold: Number(t.toFixed(3)), answeredRight: Number((right / totalAnswerable).toFixed(4)), wrongRate: Number((wrong / Math.max(1, right + wrong)).toFixed(4)) });
}
const all = fit(rows.map((_, i) => i));
const model: AnswerModel = {
  features: EVIDENCE_FEATURES as string[],
  mean: all.mean.map((v) => Number(v.toFixed(5))),
  std: all.std.map((v) => Number(v.toFixed(5))),
  weights: all.w.map((v) => Number(v.toFixed(4))),
  bias: Number(all.b.toFixed(4)),
  curve,
  fittedOn: `${rows.length} bot decisions in the development dialogues of ${businesses.join(", ")}; curve measured leave-one-business-out`,
};
for (const p of curve) console.log(`threshold ${p.threshold.toFixed(3)}: answered right ${(p.answeredRight * 100).toFixed(1)} % of answerable, wrong ${(p.wrongRate * 100).toFixed(1)} % of answers`);
console.log(Object.fromEntries(EVIDENCE_FEATURES.map((f, k) => [f, model.weights[k]])));
if (process.argv.includes("--write")) {
  writeFileSync(path.resolve("lib/training/answer-model.json"), `${JSON.stringify(model, null, 1)}\n`);
  console.log("wrote lib/training/answer-model.json");
}

// Scores a loaded tenant model on a labelled test set, the same way for the eval CLI and the
// benchmark. Definitions (n_in = in-scope test rows, n_oos = rows with the out-of-scope label):
//   top1Accuracy       = in-scope rows whose top candidate is the right entry / n_in (no abstention)
//   answeredAccuracy   = in-scope rows ANSWERED with the right entry / n_in (Larson et al.: not
//                        answering — suggest or handoff — counts as predicting out-of-scope, i.e. wrong)
//   answeredShare      = rows answered / all rows; inScopeAnsweredShare = in-scope rows answered / n_in
//   oosRecall          = out-of-scope rows NOT answered (suggest or handoff) / n_oos, null without them
//   answeredWrongRate  = answers that are wrong (wrong entry, or any answer to an out-of-scope row) / answers
import type { LoadedTenantModel } from "./load-model";
import type { Decision, FaqExample } from "./types";

export interface TestMetrics {
  n: number;
  inScope: number;
  outOfScope: number;
  top1Accuracy: number | null;
  answeredAccuracy: number | null;
  answeredShare: number;
  inScopeAnsweredShare: number | null;
  suggestedShare: number;
  /** Among in-scope rows given suggestions, share where the right entry is offered. */
  suggestHitRate: number | null;
  oosRecall: number | null;
  answeredWrongRate: number | null;
  msPerQuery: number;
}

export async function measureTestSet(model: LoadedTenantModel, test: FaqExample[], oosLabel = "oos"): Promise<TestMetrics> {
  // Warm up so the first ONNX run's one-off costs do not count as per-query latency.
  await model.decideBatch(test.slice(0, 8).map((r) => r.text));
  const started = performance.now();
  const decisions: Decision[] = [];
  for (const row of test) decisions.push(await model.decide(row.text));
  const msPerQuery = (performance.now() - started) / Math.max(1, test.length);
  let inScope = 0, top1 = 0, answeredRight = 0, answered = 0, answeredIn = 0, wrong = 0, oos = 0, oosDeclined = 0, suggested = 0, suggestedIn = 0, suggestHits = 0;
  decisions.forEach((d, i) => {
    const isOos = test[i].label === oosLabel;
    const right = d.candidates[0]?.label === test[i].label;
    if (d.kind === "answer") {
      answered++;
      if (!right || isOos) wrong++;
    }
    if (d.kind === "suggest") suggested++;
    if (isOos) {
      oos++;
      if (d.kind !== "answer") oosDeclined++;
      return;
    }
    inScope++;
    if (right) top1++;
    if (d.kind === "answer") answeredIn++;
    if (d.kind === "answer" && right) answeredRight++;
    if (d.kind === "suggest") {
      suggestedIn++;
      if (d.candidates.some((c) => c.label === test[i].label)) suggestHits++;
    }
  });
  return {
    n: test.length,
    inScope,
    outOfScope: oos,
    top1Accuracy: inScope ? top1 / inScope : null,
    answeredAccuracy: inScope ? answeredRight / inScope : null,
    answeredShare: test.length ? answered / test.length : 0,
    inScopeAnsweredShare: inScope ? answeredIn / inScope : null,
    suggestedShare: test.length ? suggested / test.length : 0,
    suggestHitRate: suggestedIn ? suggestHits / suggestedIn : null,
    oosRecall: oos ? oosDeclined / oos : null,
    answeredWrongRate: answered ? wrong / answered : null,
    msPerQuery,
  };
}

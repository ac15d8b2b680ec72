// Worker-thread entry: runs some cross-validation folds and posts their out-of-fold records.
import { parentPort, workerData } from "node:worker_threads";
import { runFold, type FoldPlan } from "./cross-validate";

const { plan, folds } = workerData as { plan: FoldPlan; folds: number[] };
try {
  const records = folds.flatMap((k, j) =>
    runFold(plan, k, { onEpoch: (e, E) => parentPort!.postMessage({ type: "progress", fraction: (j + e / E) / folds.length }) }),
  );
  parentPort!.postMessage({ type: "done", records });
} catch (err) {
  parentPort!.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
}

// Runs some cross-validation folds on a second core while the caller's thread does the rest.
// Resolves to null when a worker cannot start (e.g. no tsx loader): the caller then runs those
// folds itself, so training never depends on threads being available.
import type { OofRecord } from "./calibration";
import type { FoldPlan } from "./cross-validate";
import { spawnTsWorker } from "./spawn-worker";

type Message = { type: "progress"; fraction: number } | { type: "done"; records: OofRecord[] } | { type: "error"; message: string };

export function runFoldsInWorker(plan: FoldPlan, folds: number[], signal?: AbortSignal): { records: Promise<OofRecord[] | null>; stop(): void } {
  let worker: ReturnType<typeof spawnTsWorker>;
  try {
    worker = spawnTsWorker("./fold-worker.ts", { plan, folds });
  } catch {
    return { records: Promise.resolve(null), stop: () => {} };
  }
  let settled = false;
  const records = new Promise<OofRecord[] | null>((resolve, reject) => {
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => finish(() => resolve(null));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (m: Message) => {
      if (m.type === "done") finish(() => resolve(m.records));
      else if (m.type === "error") finish(() => reject(new Error(m.message)));
    });
    worker.on("error", () => finish(() => resolve(null)));
    worker.on("exit", () => finish(() => resolve(null)));
  });
  return {
    records,
    stop: () => {
      if (!settled) {
        settled = true;
        void worker.terminate();
      }
    },
  };
}

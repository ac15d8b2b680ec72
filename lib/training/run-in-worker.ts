// Runs trainTenantModel off the main thread so a chat server stays responsive while a tenant's
// model trains. Falls back to the calling thread when a worker cannot start (no tsx loader, or an
// `embed` function, which cannot cross threads) — `mode` says which one ran.
import type { Worker } from "node:worker_threads";
import { spawnTsWorker } from "./spawn-worker";
import { TrainingError, type TrainingErrorReason } from "./errors";
import { trainTenantModel } from "./train";
import type { FaqExample, TrainedModel, TrainOptions } from "./types";

export interface TrainingRun {
  result: Promise<TrainedModel>;
  cancel(): void;
  mode: "worker" | "in-process";
}

export interface RunOptions extends TrainOptions {
  /** "auto" (default): a worker unless `embed` is given; "in-process" always runs on the caller's thread. */
  mode?: "auto" | "worker" | "in-process";
}

function inProcess(examples: FaqExample[], opts: TrainOptions): TrainingRun {
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  // Defer the start so `cancel()` right after the call still wins.
  const result = new Promise<void>((r) => setImmediate(r)).then(() => trainTenantModel(examples, { ...opts, signal }));
  return { result, cancel: () => controller.abort(), mode: "in-process" };
}

type WorkerMessage =
  | { type: "progress"; progress: Parameters<NonNullable<TrainOptions["onProgress"]>>[0] }
  | { type: "done"; result: TrainedModel }
  | { type: "error"; code: TrainingErrorReason | "internal"; message: string };

export function runTrainingInWorker(examples: FaqExample[], opts: RunOptions = {}): TrainingRun {
  const { mode = "auto", embed, signal, onProgress, ...plain } = opts;
  if (mode === "in-process" || (mode === "auto" && embed)) return inProcess(examples, opts);
  if (embed) throw new TrainingError("invalid_input", "an embed function cannot be sent to a worker thread; use mode \"in-process\"");

  let worker: Worker;
  try {
    worker = spawnTsWorker("./train-worker.ts", { examples, options: plain });
  } catch (err) {
    if (mode === "worker") throw err;
    return inProcess(examples, opts);
  }
  let settled = false;
  let cancelRun = () => {};
  const result = new Promise<TrainedModel>((resolve, reject) => {
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", cancelRun);
      fn();
      void worker.terminate();
    };
    cancelRun = () => finish(() => reject(new TrainingError("cancelled", "training was cancelled")));
    if (signal?.aborted) cancelRun();
    signal?.addEventListener("abort", cancelRun, { once: true });
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress?.(m.progress);
      else if (m.type === "done") finish(() => resolve(m.result));
      else
        finish(() =>
          reject(m.code === "internal" ? new Error(`training failed: ${m.message}`) : new TrainingError(m.code, m.message)),
        );
    });
    worker.on("error", (err) => finish(() => reject(err)));
    worker.on("exit", (code) => finish(() => reject(new Error(`training worker exited with code ${code}`))));
  });
  return { result, mode: "worker", cancel: () => cancelRun() };
}

// Worker-thread entry for runTrainingInWorker: trains, streams progress, transfers the files back.
import { parentPort, workerData } from "node:worker_threads";
import { TrainingError } from "./errors";
import { trainTenantModel } from "./train";
import type { FaqExample, TrainOptions } from "./types";

const { examples, options } = workerData as { examples: FaqExample[]; options: Omit<TrainOptions, "embed" | "signal" | "onProgress"> };
const port = parentPort!;

try {
  const result = await trainTenantModel(examples, { ...options, onProgress: (p) => port.postMessage({ type: "progress", progress: p }) });
  // Copied, not transferred: protobuf output may be a view into a shared pool buffer.
  port.postMessage({ type: "done", result });
} catch (err) {
  const code = err instanceof TrainingError ? err.reason : "internal";
  port.postMessage({ type: "error", code, message: err instanceof Error ? err.message : String(err) });
}

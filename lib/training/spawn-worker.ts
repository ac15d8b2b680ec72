// Starts one of this library's TypeScript worker entries in a worker thread (see worker-boot.mjs).
import { Worker } from "node:worker_threads";

export function spawnTsWorker(entry: string, data: Record<string, unknown>): Worker {
  return new Worker(new URL("./worker-boot.mjs", import.meta.url), {
    workerData: { ...data, entry: new URL(entry, import.meta.url).href },
  });
}

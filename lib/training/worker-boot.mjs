// Plain-JS bootstrap for this library's worker threads: registers tsx's loader inside the thread
// (a worker's execArgv `--import tsx` is not honoured on Node 20), then loads the TS entry named
// in workerData.entry (a file URL).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

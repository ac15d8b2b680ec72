// Plain-JS bootstrap for the training worker: registers tsx's loader inside the worker thread
// (execArgv `--import tsx` is not honoured by worker threads on Node 20), then loads the TS entry.
import { register } from "tsx/esm/api";

register();
await import("./train-worker.ts");

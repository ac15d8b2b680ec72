// Points transformers.js at MODELS_DIR (as both the local model root and the download cache, so
// a folder filled by `models:pull` on a connected machine works unchanged once copied) and
// builds the onnxruntime session options. Called in whichever thread loads a model.
// transformers.js never downloads: hub-download.ts fetches and checks every file first, so a
// load reads only files that arrived whole, and a later start needs no network at all.
import { env as hf, LogLevel } from "@huggingface/transformers";

export interface TransformersSetup {
  modelsDir: string;
  threads: number;
}

export function configureTransformers(s: TransformersSetup): void {
  hf.localModelPath = s.modelsDir.endsWith("/") ? s.modelsDir : `${s.modelsDir}/`;
  hf.cacheDir = s.modelsDir;
  hf.allowLocalModels = true;
  hf.allowRemoteModels = false;
  hf.useFSCache = true;
  // Our status reports say what went wrong; the library's own warnings would only repeat it.
  hf.logLevel = LogLevel.ERROR;
}

export function sessionOptions(threads: number): Record<string, unknown> {
  // interOp 1: a decoder graph is a single chain, parallelism comes from inside each op.
  return threads > 0 ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {};
}

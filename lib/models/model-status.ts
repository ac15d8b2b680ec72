// The shapes of what the model runtime tells the rest of the app: per-model status (shown by
// /api/health and the admin UI) and the runtime's configuration. Plain data, no behaviour.
import type { DataType } from "./model-source";

export type ModelRole = "chat" | "embedding";
export type ModelState = "disabled" | "loading" | "ready" | "error";
export type ModelSourceKind = "local" | "hub" | "cache";

export interface ModelStatus {
  role: ModelRole;
  /** As configured (CHAT_MODEL / EMBEDDING_MODEL); empty when disabled. */
  id: string;
  /** local: a folder path; cache: a hub id found in MODELS_DIR; hub: downloaded on first use. */
  source: ModelSourceKind | null;
  state: ModelState;
  /** Which model is missing or broken and why, in plain words. */
  error?: string;
  /** Weight precision actually loaded (may differ from MODEL_DTYPE when that file is absent). */
  dtype?: DataType;
  loadMs?: number;
  /** Size of the ONNX weight files loaded (what the model occupies in memory, roughly). */
  memoryBytes?: number;
}

export interface ModelRuntimeConfig {
  chatModel: string;
  embeddingModel: string;
  modelsDir: string;
  allowRemoteModels: boolean;
  dtype: DataType | "auto";
  /** 0: onnxruntime's default (one per core). */
  threads: number;
  concurrency: number;
  queueLimit: number;
  maxNewTokens: number;
  timeBudgetMs: number;
  /** Run chat generation in a worker thread (onnxruntime-node's run() blocks the event loop). */
  useWorker: boolean;
}

export interface ModelHealth {
  /** True when replies can be generated; false means answers come verbatim from the FAQ. */
  chatReady: boolean;
  embeddingReady: boolean;
  models: ModelStatus[];
}

// The shapes of what the model runtime tells the rest of the app: per-model status (shown by
// /api/health and the admin UI) and the runtime's configuration. Plain data, no behaviour.
import type { DataType } from "./model-source";

export type ModelRole = "chat" | "embedding";
/**
 * disabled: turned off (CHAT_MODEL=none). downloading: fetching it from the hub into MODELS_DIR.
 * loading: reading it from disk. ready: in use. unavailable: not on this server and it cannot be
 * fetched (remote models off, no network, the download failed), `error` says which and why.
 * error: there but broken (bad folder, failed to load, the worker stopped).
 */
export type ModelState = "disabled" | "downloading" | "loading" | "ready" | "unavailable" | "error";
export type ModelSourceKind = "local" | "hub" | "cache";

/** How far a download has come; kept on the status once it ends (bytes, files, retries). */
export interface DownloadProgress {
  /** Where from (the hub's address, or HF_ENDPOINT). */
  host: string;
  receivedBytes: number;
  /** Sum of the files' sizes once the hub has told them; null before. */
  totalBytes: number | null;
  filesDone: number;
  filesTotal: number | null;
  /** The file being fetched now. */
  file: string | null;
  /** Transfers that were cut, short or failed their checksum and were fetched again. */
  retries: number;
  /** The last such problem, in plain words. */
  lastProblem?: string;
}

export interface ModelStatus {
  role: ModelRole;
  /** The model in use or wanted (CHAT_MODEL / EMBEDDING_MODEL, or the built-in default); empty when turned off. */
  id: string;
  /** True when no CHAT_MODEL / EMBEDDING_MODEL was set and the built-in default is meant. */
  isDefault: boolean;
  /** local: a folder path; cache: a hub id found in MODELS_DIR; hub: downloaded on first use. */
  source: ModelSourceKind | null;
  state: ModelState;
  /** Which model is missing or broken and why, in plain words (unavailable, error). */
  error?: string;
  /** While downloading, and after a download. */
  download?: DownloadProgress;
  /** Weight precision actually loaded (may differ from MODEL_DTYPE when that file is absent). */
  dtype?: DataType;
  loadMs?: number;
  /** Size of the ONNX weight files loaded (what the model occupies in memory, roughly). */
  memoryBytes?: number;
}

/** Download behaviour; the defaults suit the real hub, tests shorten them. */
export interface DownloadTuning {
  /** Tries per file when a transfer is cut, short or corrupted. */
  attempts: number;
  /** Wait before a retry, times the attempt number. */
  retryDelayMs: number;
  /** Longest wait for the hub's response headers (an unreachable hub fails after this at most). */
  connectTimeoutMs: number;
  /** Longest pause between two received chunks before a transfer counts as cut. */
  stallTimeoutMs: number;
}

export interface ModelRuntimeConfig {
  /** Hub id or folder; empty: turned off. */
  chatModel: string;
  embeddingModel: string;
  /** Which of the two are the built-in defaults (no CHAT_MODEL / EMBEDDING_MODEL set). */
  defaults?: Partial<Record<ModelRole, boolean>>;
  modelsDir: string;
  allowRemoteModels: boolean;
  /** Where hub ids are downloaded from (HF_ENDPOINT); https://huggingface.co/ when unset. */
  remoteHost?: string;
  /** Path under remoteHost, transformers.js style; "{model}/resolve/{revision}/" when unset. */
  remotePathTemplate?: string;
  download?: Partial<DownloadTuning>;
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

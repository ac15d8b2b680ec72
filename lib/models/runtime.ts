// The model registry of this process: resolves CHAT_MODEL / EMBEDDING_MODEL (or the built-in
// defaults, defaults.ts), downloads a hub model that is not in MODELS_DIR yet (hub-download.ts,
// in the background), loads them (chat generation in a worker thread by default), and reports
// per-model status for /api/health and the admin UI. Never throws at start-up: a model that is
// missing becomes "unavailable", a broken one "error", each with a plain reason, and the bot
// answers verbatim from the FAQ meanwhile.
import { AutoConfig, AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { configureTransformers, type TransformersSetup } from "./engine/transformers-setup";
import { createInlineEngine, type ChatEngine } from "./engine/chat-engine";
import { createWorkerEngine } from "./engine/worker-engine";
import { loadEmbedder, type Embedder } from "./embedder";
import { FairQueue } from "./fair-queue";
import { modelSetting } from "./defaults";
import { DEFAULT_REMOTE_HOST, downloadModel } from "./hub-download";
import { resolveModel, type ResolvedModel } from "./model-source";
import type { ModelHealth, ModelRole, ModelRuntimeConfig, ModelStatus } from "./model-status";

export interface LoadedChat {
  engine: ChatEngine;
  tokenizer: PreTrainedTokenizer;
  queue: FairQueue;
  /** Longest prompt + reply the model accepts (tokens). */
  maxContext: number;
}

export type ChatEngineFactory = (model: ResolvedModel, setup: TransformersSetup) => Promise<ChatEngine>;

export function runtimeConfigFromEnv(): ModelRuntimeConfig {
  const e = env();
  const chat = modelSetting("chat", e.CHAT_MODEL);
  const embedding = modelSetting("embedding", e.EMBEDDING_MODEL);
  return {
    chatModel: chat.id,
    embeddingModel: embedding.id,
    defaults: { chat: chat.isDefault, embedding: embedding.isDefault },
    modelsDir: e.modelsDir,
    allowRemoteModels: e.ALLOW_REMOTE_MODELS,
    remoteHost: e.HF_ENDPOINT || undefined,
    dtype: e.MODEL_DTYPE,
    threads: e.MODEL_THREADS,
    concurrency: e.CHAT_CONCURRENCY,
    queueLimit: e.CHAT_QUEUE_LIMIT,
    maxNewTokens: e.CHAT_MAX_NEW_TOKENS,
    timeBudgetMs: e.CHAT_TIME_BUDGET_MS,
    useWorker: true,
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const ROLE_NAME: Record<ModelRole, string> = { chat: "Chat", embedding: "Embedding" };
const ROLE_VAR: Record<ModelRole, string> = { chat: "CHAT_MODEL", embedding: "EMBEDDING_MODEL" };

export class ModelRuntime {
  readonly config: ModelRuntimeConfig;
  private readonly statuses: Record<ModelRole, ModelStatus>;
  private readonly resolved: Partial<Record<ModelRole, ResolvedModel>> = {};
  private chat: LoadedChat | null = null;
  private embedder: Embedder | null = null;
  private loading: Promise<ModelHealth> | null = null;
  /** Each role's download-then-load, so embed() can wait for a load already under way. */
  private readonly ready: Partial<Record<ModelRole, Promise<void>>> = {};
  private readonly stop = new AbortController();
  private readonly engineFactory: ChatEngineFactory;

  constructor(config: ModelRuntimeConfig, opts: { engineFactory?: ChatEngineFactory } = {}) {
    this.config = config;
    this.engineFactory =
      opts.engineFactory ??
      ((m, setup) => {
        const load = { location: m.location, dtype: m.dtype, fileName: m.fileName, threads: config.threads, maxBatch: config.concurrency };
        return config.useWorker ? createWorkerEngine(setup, load, (message) => this.chatCrashed(message)) : createInlineEngine(load);
      });
    this.statuses = { chat: this.initialStatus("chat", config.chatModel), embedding: this.initialStatus("embedding", config.embeddingModel) };
  }

  private initialStatus(role: ModelRole, configured: string): ModelStatus {
    const isDefault = Boolean(this.config.defaults?.[role]) && configured.trim() !== "";
    if (!configured.trim()) return { role, id: "", isDefault: false, source: null, state: "disabled" };
    const r = resolveModel(role, configured, { modelsDir: this.config.modelsDir, allowRemoteModels: this.config.allowRemoteModels, dtype: this.config.dtype });
    if (!r.ok) {
      const error = isDefault && r.missing ? `The default ${role} model: ${r.error} Or set ${ROLE_VAR[role]}=none to turn it off.` : r.error;
      return { role, id: configured, isDefault, source: null, state: r.missing ? "unavailable" : "error", error };
    }
    this.resolved[role] = r.model;
    if (r.model.source === "hub") return { role, id: configured, isDefault, source: "hub", state: "downloading" };
    return { role, id: configured, isDefault, source: r.model.source, state: "loading", dtype: r.model.dtype, memoryBytes: r.model.weightBytes };
  }

  private get setup(): TransformersSetup {
    return { modelsDir: this.config.modelsDir, threads: this.config.threads };
  }

  status(): ModelStatus[] {
    return [{ ...this.statuses.chat }, { ...this.statuses.embedding }];
  }

  health(): ModelHealth {
    return { chatReady: this.chatAvailable(), embeddingReady: this.embeddingAvailable(), models: this.status() };
  }

  chatAvailable(): boolean {
    return this.chat !== null && this.statuses.chat.state === "ready";
  }

  embeddingAvailable(): boolean {
    return this.embedder !== null && this.statuses.embedding.state === "ready";
  }

  /**
   * Downloads what is not in MODELS_DIR yet, then loads whatever is configured; idempotent;
   * resolves (never rejects) with the outcome. Downloads run side by side; loads one at a time
   * (two loads at once double peak memory on a small server), each as soon as its files are in.
   */
  ensureLoaded(): Promise<ModelHealth> {
    this.loading ??= (async () => {
      configureTransformers(this.setup);
      let loads = Promise.resolve();
      const inOrder = (load: () => Promise<void>) => (loads = loads.then(load));
      // The encoder first: it is smaller, and tenant models trained with it need it to answer.
      for (const role of ["embedding", "chat"] as const) {
        const fetched = this.fetchRole(role);
        this.ready[role] = fetched.then(() =>
          inOrder(() =>
            this.loadRole(role, role === "chat" ? (m) => this.loadChat(m) : async (m) => {
              this.embedder = await loadEmbedder(m, this.config.threads);
            }),
          ),
        );
      }
      await Promise.all([this.ready.chat, this.ready.embedding]);
      return this.health();
    })();
    return this.loading;
  }

  /** For a hub model not in MODELS_DIR yet: downloads it (progress on the status), then points the role at the cache. */
  private async fetchRole(role: ModelRole): Promise<void> {
    const m = this.resolved[role];
    if (!m || m.source !== "hub") return;
    const status = this.statuses[role];
    const log = logger.child({ role, model: m.id });
    const started = performance.now();
    log.debug({ host: this.config.remoteHost ?? DEFAULT_REMOTE_HOST }, "model download started");
    try {
      await downloadModel({
        id: m.id,
        role,
        modelsDir: this.config.modelsDir,
        dtype: this.config.dtype,
        remoteHost: this.config.remoteHost,
        remotePathTemplate: this.config.remotePathTemplate,
        tuning: this.config.download,
        signal: this.stop.signal,
        onProgress: (p) => (status.download = p),
      });
    } catch (e) {
      delete this.resolved[role];
      const what = `${status.isDefault ? "The default" : ROLE_NAME[role]} ${status.isDefault ? `${role} model` : "model"} "${m.id}"`;
      const hint = status.isDefault ? ` Set ${ROLE_VAR[role]}=none to turn it off, or see "Air-gapped server" in lib/models/README.md.` : "";
      Object.assign(status, { state: "unavailable", error: `${what} could not be downloaded: ${sentence(describe(e))} The bot answers without it.${hint}` });
      log.warn({ error: describe(e) }, "model download failed");
      return;
    }
    const r = resolveModel(role, m.id, { modelsDir: this.config.modelsDir, allowRemoteModels: false, dtype: this.config.dtype });
    if (!r.ok) {
      delete this.resolved[role];
      Object.assign(status, { state: "error", error: `${ROLE_NAME[role]} model "${m.id}" was downloaded but cannot be used: ${r.error}` });
      return;
    }
    this.resolved[role] = r.model;
    Object.assign(status, { state: "loading", source: "cache", dtype: r.model.dtype, memoryBytes: r.model.weightBytes });
    log.info({ ms: Math.round(performance.now() - started), bytes: status.download?.receivedBytes }, "model downloaded");
  }

  private async loadRole(role: ModelRole, load: (m: ResolvedModel) => Promise<void>): Promise<void> {
    const m = this.resolved[role];
    if (!m || this.stop.signal.aborted) return;
    const started = performance.now();
    try {
      await load(m);
      Object.assign(this.statuses[role], { state: "ready", loadMs: Math.round(performance.now() - started) });
    } catch (e) {
      Object.assign(this.statuses[role], { state: "error", error: `${ROLE_NAME[role]} model "${m.id}" failed to load: ${describe(e)}` });
    }
  }

  private async loadChat(m: ResolvedModel): Promise<void> {
    const tokenizer = (await AutoTokenizer.from_pretrained(m.location)) as PreTrainedTokenizer;
    if (!tokenizer.chat_template) throw new Error("its tokenizer_config.json has no chat_template, so it is not a chat (instruct) model");
    const engine = await this.engineFactory(m, this.setup);
    const config = (await AutoConfig.from_pretrained(m.location)) as unknown as { max_position_embeddings?: number };
    this.chat = {
      engine,
      tokenizer,
      queue: new FairQueue(this.config.concurrency, this.config.queueLimit),
      maxContext: config.max_position_embeddings ?? 4096,
    };
  }

  private chatCrashed(message: string): void {
    Object.assign(this.statuses.chat, { state: "error", error: `Chat model "${this.statuses.chat.id}" stopped: ${message}` });
  }

  /** The loaded chat model, or null (replies then come verbatim from the FAQ). */
  getChat(): LoadedChat | null {
    return this.chatAvailable() ? this.chat : null;
  }

  /**
   * Mean-pooled, L2-normalised sentence embeddings. While the model is being read from disk
   * (seconds, at every start) this waits for it; throws not_ready when there is none (turned
   * off, still downloading, unavailable, broken).
   */
  async embed(texts: string[]): Promise<Float32Array[]> {
    if (this.statuses.embedding.state === "loading" && this.ready.embedding) await this.ready.embedding;
    if (!this.embedder || this.statuses.embedding.state !== "ready") {
      const s = this.statuses.embedding;
      const why =
        s.state === "disabled"
          ? "No embedding model is configured (EMBEDDING_MODEL=none)."
          : s.state === "downloading"
            ? `The embedding model "${s.id}" is still downloading.`
            : (s.error ?? "The embedding model is still loading.");
      throw new AppError("not_ready", why);
    }
    return this.embedder.embed(texts);
  }

  async dispose(): Promise<void> {
    this.stop.abort();
    const chat = this.chat;
    const embedder = this.embedder;
    this.chat = null;
    this.embedder = null;
    for (const role of ["chat", "embedding"] as const) {
      if (this.statuses[role].state === "ready") this.statuses[role].state = "disabled";
    }
    await Promise.allSettled([chat?.engine.dispose(), embedder?.dispose()]);
  }
}

// One runtime per process, shared by the custom server and Next's route bundles (which load
// their own copy of this module), hence globalThis.
const globalForModels = globalThis as unknown as { __faqbotModelRuntime?: ModelRuntime };

export function getModelRuntime(): ModelRuntime {
  return (globalForModels.__faqbotModelRuntime ??= new ModelRuntime(runtimeConfigFromEnv()));
}

/** Tests and CLI tools swap the process runtime (the previous one is disposed). */
export async function setModelRuntime(runtime: ModelRuntime | undefined): Promise<void> {
  const previous = globalForModels.__faqbotModelRuntime;
  globalForModels.__faqbotModelRuntime = runtime;
  if (previous && previous !== runtime) await previous.dispose();
}

/** A reason as a sentence: a full stop unless it already ends with one (or "?", "!"). */
function sentence(why: string): string {
  return /[.?!]$/.test(why) ? why : `${why}.`;
}

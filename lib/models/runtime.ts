// The model registry of this process: resolves CHAT_MODEL / EMBEDDING_MODEL, loads them (chat
// generation in a worker thread by default), and reports per-model status for /api/health and
// the admin UI. Never throws at start-up: a missing or broken model becomes an "error" status
// with a plain reason, and the bot answers verbatim from the FAQ instead.
import { AutoConfig, AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { configureTransformers, type TransformersSetup } from "./engine/transformers-setup";
import { createInlineEngine, type ChatEngine } from "./engine/chat-engine";
import { createWorkerEngine } from "./engine/worker-engine";
import { loadEmbedder, type Embedder } from "./embedder";
import { FairQueue } from "./fair-queue";
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
  return {
    chatModel: e.CHAT_MODEL,
    embeddingModel: e.EMBEDDING_MODEL,
    modelsDir: e.modelsDir,
    allowRemoteModels: e.ALLOW_REMOTE_MODELS,
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
  const msg = e instanceof Error ? e.message : String(e);
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(msg)) {
    return `could not download it from the Hugging Face hub (no network?): ${msg}`;
  }
  return msg;
}

export class ModelRuntime {
  readonly config: ModelRuntimeConfig;
  private readonly statuses: Record<ModelRole, ModelStatus>;
  private readonly resolved: Partial<Record<ModelRole, ResolvedModel>> = {};
  private chat: LoadedChat | null = null;
  private embedder: Embedder | null = null;
  private loading: Promise<ModelHealth> | null = null;
  private readonly engineFactory: ChatEngineFactory;

  constructor(config: ModelRuntimeConfig, opts: { engineFactory?: ChatEngineFactory } = {}) {
    this.config = config;
    this.engineFactory =
      opts.engineFactory ??
      ((m, setup) => {
        const load = { location: m.location, dtype: m.dtype, fileName: m.fileName, threads: config.threads };
        return config.useWorker ? createWorkerEngine(setup, load, (message) => this.chatCrashed(message)) : createInlineEngine(load);
      });
    this.statuses = { chat: this.initialStatus("chat", config.chatModel), embedding: this.initialStatus("embedding", config.embeddingModel) };
  }

  private initialStatus(role: ModelRole, configured: string): ModelStatus {
    if (!configured.trim()) return { role, id: "", source: null, state: "disabled" };
    const r = resolveModel(role, configured, { modelsDir: this.config.modelsDir, allowRemoteModels: this.config.allowRemoteModels, dtype: this.config.dtype });
    if (!r.ok) return { role, id: configured, source: null, state: "error", error: r.error };
    this.resolved[role] = r.model;
    return { role, id: configured, source: r.model.source, state: "loading", dtype: r.model.dtype, memoryBytes: r.model.weightBytes };
  }

  private get setup(): TransformersSetup {
    return { modelsDir: this.config.modelsDir, allowRemoteModels: this.config.allowRemoteModels, threads: this.config.threads };
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

  /** Loads whatever is configured; idempotent; resolves (never rejects) with the outcome. */
  ensureLoaded(): Promise<ModelHealth> {
    this.loading ??= (async () => {
      configureTransformers(this.setup);
      // Sequential on purpose: two loads at once double peak memory on a small server.
      await this.loadRole("chat", (m) => this.loadChat(m));
      await this.loadRole("embedding", async (m) => {
        this.embedder = await loadEmbedder(m, this.config.threads);
      });
      return this.health();
    })();
    return this.loading;
  }

  private async loadRole(role: ModelRole, load: (m: ResolvedModel) => Promise<void>): Promise<void> {
    const m = this.resolved[role];
    if (!m) return;
    const started = performance.now();
    try {
      await load(m);
      Object.assign(this.statuses[role], { state: "ready", loadMs: Math.round(performance.now() - started) });
      if (m.source === "hub") this.statuses[role].source = "cache";
    } catch (e) {
      Object.assign(this.statuses[role], { state: "error", error: `${role === "chat" ? "Chat" : "Embedding"} model "${m.id}" failed to load: ${describe(e)}` });
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

  /** Mean-pooled, L2-normalised sentence embeddings; throws not_ready when there is no model. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    if (!this.embedder || this.statuses.embedding.state !== "ready") {
      const s = this.statuses.embedding;
      throw new AppError("not_ready", s.state === "disabled" ? "No embedding model is configured (EMBEDDING_MODEL is empty)." : (s.error ?? "The embedding model is still loading."));
    }
    return this.embedder.embed(texts);
  }

  async dispose(): Promise<void> {
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

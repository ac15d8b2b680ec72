// Loads a causal LM with transformers.js and runs one greedy generation over prompt token ids,
// reporting each new token id as it is produced. Runs where the weights live: in the chat
// worker thread, or inline (tests, benchmarks, useWorker=false). Knows nothing about text.
import { AutoModelForCausalLM, BaseStreamer, InterruptableStoppingCriteria, StoppingCriteriaList, Tensor } from "@huggingface/transformers";
import type { PreTrainedModel } from "@huggingface/transformers";
import { sessionOptions } from "./transformers-setup";
import { decoderSession, greedyLoop } from "./greedy-loop";
import { BatchDecoder } from "./batch-decoder";
import type { DataType } from "../model-source";

export type StopReason = "eos" | "max_tokens" | "time_budget" | "cancelled";

export interface GenerationRequest {
  inputIds: number[];
  maxNewTokens: number;
  timeBudgetMs: number;
}

export interface GenerationOutcome {
  tokens: number;
  stop: StopReason;
}

export interface LoadChatOptions {
  location: string;
  dtype?: DataType;
  fileName: string;
  threads: number;
  /** Replies generated together at most (continuous batching); 1 when unset. */
  maxBatch?: number;
  /** Recent prompts whose KV cache is kept for prefix reuse; max(2, maxBatch) when unset. */
  prefixEntries?: number;
}

export async function loadCausalLM(o: LoadChatOptions): Promise<PreTrainedModel> {
  return AutoModelForCausalLM.from_pretrained(o.location, {
    dtype: o.dtype,
    model_file_name: o.fileName === "model" ? undefined : o.fileName,
    session_options: sessionOptions(o.threads),
  } as Parameters<typeof AutoModelForCausalLM.from_pretrained>[1]);
}

/** Forwards generated token ids one by one; the prompt (first put) is skipped. */
class TokenSink extends BaseStreamer {
  private seenPrompt = false;
  constructor(private readonly onToken: (id: number) => void) {
    super();
  }
  put(value: bigint[][]): void {
    if (!this.seenPrompt) {
      this.seenPrompt = true;
      return;
    }
    for (const id of value[0]) this.onToken(Number(id));
  }
  end(): void {}
}

export interface RunningGeneration {
  done: Promise<GenerationOutcome>;
  /** Stops after the forward pass in flight (at most one token later). */
  cancel(): void;
}

/** Which loop a model gets: ours ("greedy") for plain decoder exports, else transformers.js's. */
export function generationPath(model: PreTrainedModel): "greedy" | "transformers" {
  return decoderSession(model) ? "greedy" : "transformers";
}

function repetitionPenalty(model: PreTrainedModel): number {
  const gen = (model as unknown as { generation_config?: { repetition_penalty?: number } }).generation_config;
  return gen?.repetition_penalty ?? 1;
}

/** What a loaded model generates with: one generation after another, or batched. */
export interface Generator {
  readonly path: "batched" | "transformers";
  /** The batch scheduler, for plain decoder exports. */
  readonly decoder?: BatchDecoder;
  start(req: GenerationRequest, onToken: (id: number) => void): RunningGeneration;
}

/**
 * Plain decoder exports get the continuous-batching decoder: generations started while others
 * run share their forward passes (up to `maxBatch`). Other models go through transformers.js
 * generate(), one at a time (its calls would only interleave on the same session, not batch).
 */
export function createGenerator(model: PreTrainedModel, opts: { maxBatch?: number; prefixEntries?: number } = {}): Generator {
  const session = decoderSession(model);
  const maxBatch = Math.max(1, opts.maxBatch ?? 1);
  if (session) {
    const decoder = new BatchDecoder(session, { maxBatch, eos: new Set(eosIds(model)), repetitionPenalty: repetitionPenalty(model), prefixEntries: opts.prefixEntries ?? Math.max(2, maxBatch) });
    return { path: "batched", decoder, start: (req, onToken) => decoder.start(req, onToken) };
  }
  let line: Promise<unknown> = Promise.resolve();
  return {
    path: "transformers",
    start(req, onToken) {
      let cancelled = false;
      let inner: RunningGeneration | null = null;
      const done = line.then((): Promise<GenerationOutcome> | GenerationOutcome => {
        if (cancelled) return { tokens: 0, stop: "cancelled" };
        inner = startWithTransformers(model, req, onToken);
        return inner.done;
      });
      line = done.catch(() => undefined);
      return {
        done,
        cancel() {
          cancelled = true;
          inner?.cancel();
        },
      };
    },
  };
}

/** `via` forces a loop (tests and the benchmark compare them); by default the fastest that fits. */
export function startGeneration(model: PreTrainedModel, req: GenerationRequest, onToken: (id: number) => void, via?: "greedy" | "transformers"): RunningGeneration {
  const session = via === "transformers" ? null : decoderSession(model);
  if (via === "greedy" && !session) throw new Error("this model does not fit the greedy loop");
  return session ? startGreedy(model, session, req, onToken) : startWithTransformers(model, req, onToken);
}

function startGreedy(model: PreTrainedModel, session: NonNullable<ReturnType<typeof decoderSession>>, req: GenerationRequest, onToken: (id: number) => void): RunningGeneration {
  let stop: StopReason | null = null;
  const timer = setTimeout(() => (stop ??= "time_budget"), req.timeBudgetMs);
  const done = greedyLoop(session, req.inputIds, {
    maxNewTokens: req.maxNewTokens,
    eos: new Set(eosIds(model)),
    repetitionPenalty: repetitionPenalty(model),
    shouldStop: () => stop !== null,
    onToken,
  })
    .then((r): GenerationOutcome => ({ tokens: r.tokens, stop: stop ?? (r.eos ? "eos" : "max_tokens") }))
    .finally(() => clearTimeout(timer));
  return {
    done,
    cancel() {
      stop ??= "cancelled";
    },
  };
}

function startWithTransformers(model: PreTrainedModel, req: GenerationRequest, onToken: (id: number) => void): RunningGeneration {
  const interrupt = new InterruptableStoppingCriteria();
  let stop: StopReason | null = null;
  let tokens = 0;
  const eos = new Set<number>(eosIds(model));
  const timer = setTimeout(() => {
    stop ??= "time_budget";
    interrupt.interrupt();
  }, req.timeBudgetMs);

  const ids = BigInt64Array.from(req.inputIds, (n) => BigInt(n));
  const input_ids = new Tensor("int64", ids, [1, ids.length]);
  const attention_mask = new Tensor("int64", new BigInt64Array(ids.length).fill(1n), [1, ids.length]);
  const criteria = new StoppingCriteriaList();
  criteria.push(interrupt);

  const sink = new TokenSink((id) => {
    if (stop) return; // a token decided after cancellation is not shown
    if (eos.has(id)) {
      stop = "eos";
      return;
    }
    tokens++;
    onToken(id);
  });

  const done = (async (): Promise<GenerationOutcome> => {
    try {
      await model.generate({
        inputs: input_ids,
        attention_mask,
        max_new_tokens: req.maxNewTokens,
        do_sample: false,
        streamer: sink,
        stopping_criteria: criteria,
      } as unknown as Parameters<PreTrainedModel["generate"]>[0]);
    } finally {
      clearTimeout(timer);
    }
    return { tokens, stop: stop ?? "max_tokens" };
  })();

  return {
    done,
    cancel() {
      stop ??= "cancelled";
      interrupt.interrupt();
    },
  };
}

function eosIds(model: PreTrainedModel): number[] {
  const gen = (model as unknown as { generation_config?: { eos_token_id?: number | number[] | null } }).generation_config;
  const cfg = model.config as unknown as { eos_token_id?: number | number[] | null };
  const raw = gen?.eos_token_id ?? cfg.eos_token_id;
  return raw == null ? [] : Array.isArray(raw) ? raw : [raw];
}

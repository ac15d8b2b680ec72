// The seam between text (prompt, streaming, guard: main thread) and compute (the causal LM).
// A ChatEngine turns prompt token ids into generated token ids; the inline one runs in this
// thread, the worker one (worker-engine.ts) in a worker thread.
import type { PreTrainedModel } from "@huggingface/transformers";
import { createGenerator, loadCausalLM, type GenerationOutcome, type GenerationRequest, type LoadChatOptions } from "./token-generator";

export type { GenerationOutcome, GenerationRequest, StopReason } from "./token-generator";

export interface ChatEngine {
  readonly kind: "inline" | "worker" | "custom";
  /** Resolves when generation stopped (eos, budget, cancellation); rejects on model failure. */
  generate(req: GenerationRequest, onToken: (id: number) => void, signal?: AbortSignal): Promise<GenerationOutcome>;
  dispose(): Promise<void>;
}

/** Wires an AbortSignal to a cancel function for the lifetime of a promise. */
export function withAbort<T>(signal: AbortSignal | undefined, cancel: () => void, run: Promise<T>): Promise<T> {
  if (!signal) return run;
  if (signal.aborted) cancel();
  signal.addEventListener("abort", cancel, { once: true });
  return run.finally(() => signal.removeEventListener("abort", cancel));
}

export async function createInlineEngine(opts: LoadChatOptions): Promise<ChatEngine> {
  const model: PreTrainedModel = await loadCausalLM(opts);
  const generator = createGenerator(model, opts);
  return {
    kind: "inline",
    generate(req, onToken, signal) {
      const run = generator.start(req, onToken);
      return withAbort(signal, run.cancel, run.done);
    },
    async dispose() {
      await model.dispose();
    },
  };
}

// Our own greedy decoding loop over the onnxruntime session transformers.js created, used for
// plain decoder-only exports (the usual ONNX causal LMs: Qwen, Llama, SmolLM, Phi…).
// transformers.js's generate() costs ~25-30% extra per token on small models (tensor wrappers,
// logits processors, cumsum position ids, list-of-bigint bookkeeping); this loop keeps only what
// greedy decoding with a KV cache needs, plus the model's repetition penalty. Models with any
// other inputs, or non-float32 logits, go through generate() instead (see token-generator.ts).
import * as ort from "onnxruntime-node";
import type { PreTrainedModel } from "@huggingface/transformers";

const KNOWN_INPUTS = new Set(["input_ids", "attention_mask", "position_ids", "num_logits_to_keep", "use_cache_branch"]);
// Models whose position ids or caches follow other rules than 0-based positions + key/value pairs.
const SPECIAL_MODEL_TYPES = new Set(["paligemma", "gemma3", "gemma3_text", "gemma4", "gemma4_text", "lfm2", "lfm2_moe", "qwen3_next", "qwen3_5_text", "zaya"]);

interface SessionLike {
  inputNames: readonly string[];
  outputNames: readonly string[];
  inputMetadata: readonly { name: string; isTensor: boolean; type?: string; shape?: readonly (number | string)[] }[];
  outputMetadata: readonly { name: string; isTensor: boolean; type?: string }[];
  run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>>;
}

export function decoderSession(model: PreTrainedModel): SessionLike | null {
  const sessions = (model as unknown as { sessions?: Record<string, SessionLike> }).sessions;
  const session = sessions?.model;
  const modelType = (model.config as unknown as { model_type?: string }).model_type ?? "";
  if (!session || Object.keys(sessions!).length !== 1 || SPECIAL_MODEL_TYPES.has(modelType)) return null;
  const pastInputs = session.inputNames.filter((n) => /^past_key_values\.\d+\.(key|value)$/.test(n));
  if (!session.inputNames.every((n) => KNOWN_INPUTS.has(n) || pastInputs.includes(n))) return null;
  if (!session.inputNames.includes("input_ids") || !session.inputNames.includes("attention_mask")) return null;
  if (!pastInputs.every((n) => session.outputNames.includes(n.replace("past_key_values.", "present.")))) return null;
  const logits = session.outputMetadata.find((m) => m.name === "logits");
  if (!logits || (logits.type && logits.type !== "float32")) return null;
  return session;
}

export interface LoopControl {
  maxNewTokens: number;
  eos: Set<number>;
  repetitionPenalty: number;
  /** Checked between forward passes. */
  shouldStop: () => boolean;
  onToken: (id: number) => void;
}

/** Returns the number of tokens emitted and whether it ended on end-of-sequence. */
export async function greedyLoop(session: SessionLike, promptIds: number[], c: LoopControl): Promise<{ tokens: number; eos: boolean }> {
  const past: Record<string, ort.Tensor> = {};
  for (const meta of session.inputMetadata) {
    if (!meta.name.startsWith("past_key_values.")) continue;
    const dims = (meta.shape ?? []).map((d) => (typeof d === "number" ? d : d === "batch_size" ? 1 : 0));
    const type = (meta.type ?? "float32") as "float32" | "float16";
    past[meta.name] = new ort.Tensor(type, type === "float16" ? new Uint16Array(0) : new Float32Array(0), dims);
  }
  const wantsPositions = session.inputNames.includes("position_ids");
  const extras: Record<string, ort.Tensor> = {};
  if (session.inputNames.includes("num_logits_to_keep")) extras.num_logits_to_keep = new ort.Tensor("int64", BigInt64Array.from([1n]), []);
  const useCacheBranch = session.inputNames.includes("use_cache_branch");
  const penalised = c.repetitionPenalty !== 1 ? new Set(promptIds) : null;

  const capacity = promptIds.length + c.maxNewTokens;
  const mask = new BigInt64Array(capacity).fill(1n);
  const positions = BigInt64Array.from({ length: capacity }, (_, i) => BigInt(i));
  let step = BigInt64Array.from(promptIds, BigInt);
  let total = promptIds.length;
  let emitted = 0;

  while (emitted < c.maxNewTokens && !c.shouldStop()) {
    const n = step.length;
    const feeds: Record<string, ort.Tensor> = {
      ...past,
      ...extras,
      input_ids: new ort.Tensor("int64", step, [1, n]),
      attention_mask: new ort.Tensor("int64", mask.subarray(0, total), [1, total]),
    };
    if (wantsPositions) feeds.position_ids = new ort.Tensor("int64", positions.subarray(total - n, total), [1, n]);
    if (useCacheBranch) feeds.use_cache_branch = new ort.Tensor("bool", Uint8Array.from([emitted > 0 ? 1 : 0]), [1]);
    const out = await session.run(feeds);

    const logits = out.logits;
    const vocab = logits.dims[2];
    const data = logits.data as Float32Array;
    const off = (logits.dims[1] - 1) * vocab;
    if (penalised) {
      // The logits buffer is ours: penalise in place, as transformers' RepetitionPenalty does.
      for (const id of penalised) {
        const v = data[off + id];
        data[off + id] = v > 0 ? v / c.repetitionPenalty : v * c.repetitionPenalty;
      }
    }
    let best = 0;
    for (let i = 1; i < vocab; i++) if (data[off + i] > data[off + best]) best = i;
    for (const name in past) past[name] = out[name.replace("past_key_values.", "present.")];
    if (c.eos.has(best)) return { tokens: emitted, eos: true };
    emitted++;
    penalised?.add(best);
    c.onToken(best);
    step = BigInt64Array.from([BigInt(best)]);
    total++;
  }
  return { tokens: emitted, eos: false };
}

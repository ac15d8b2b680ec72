// Reference point for the benchmark: the leanest greedy generation loop with a KV cache,
// straight on onnxruntime-node (no transformers.js, no service). Our reply service is measured
// against this on the same model, prompt and number of new tokens.
import * as ort from "onnxruntime-node";

export interface BareRun {
  tokens: number[];
  /** Time to the first new token (prefill), ms. */
  ttftMs: number;
  totalMs: number;
}

export async function createBareSession(onnxPath: string, threads: number): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(onnxPath, threads > 0 ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {});
}

function emptyPast(session: ort.InferenceSession): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const meta of session.inputMetadata) {
    if (!meta.name.startsWith("past_key_values.") || !meta.isTensor) continue;
    const dims = meta.shape.map((d) => (typeof d === "number" ? d : d === "batch_size" ? 1 : 0));
    feeds[meta.name] = new ort.Tensor(meta.type as "float32", new Float32Array(0), dims);
  }
  return feeds;
}

/** Generates exactly `newTokens` tokens greedily (no early stop, so runs compare like for like). */
export async function bareGreedy(session: ort.InferenceSession, promptIds: number[], newTokens: number): Promise<BareRun> {
  const started = performance.now();
  let ttftMs = 0;
  const wantsPositions = session.inputNames.includes("position_ids");
  let past = emptyPast(session);
  let step = BigInt64Array.from(promptIds, BigInt);
  let total = promptIds.length;
  const out: number[] = [];
  while (out.length < newTokens) {
    const n = step.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", step, [1, n]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(total).fill(1n), [1, total]),
      ...past,
    };
    if (wantsPositions) feeds.position_ids = new ort.Tensor("int64", BigInt64Array.from({ length: n }, (_, i) => BigInt(total - n + i)), [1, n]);
    const result = await session.run(feeds);
    const logits = result.logits;
    const vocab = logits.dims[2];
    const data = logits.data as Float32Array;
    const off = (logits.dims[1] - 1) * vocab;
    let best = 0;
    for (let i = 1; i < vocab; i++) if (data[off + i] > data[off + best]) best = i;
    if (out.length === 0) ttftMs = performance.now() - started;
    out.push(best);
    past = {};
    for (const name of Object.keys(result)) {
      if (name.startsWith("present.")) past[name.replace("present.", "past_key_values.")] = result[name];
    }
    step = BigInt64Array.from([BigInt(best)]);
    total++;
  }
  return { tokens: out, ttftMs, totalMs: performance.now() - started };
}

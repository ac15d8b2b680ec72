// Sentence embeddings with a BERT-style encoder: tokenise with padding, run the encoder, mean-pool
// the token vectors under the attention mask, L2-normalise (so a dot product is the cosine).
import { AutoModel, AutoTokenizer } from "@huggingface/transformers";
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from "@huggingface/transformers";
import type { ResolvedModel } from "./model-source";
import { sessionOptions } from "./engine/transformers-setup";

const BATCH = 32;
const MAX_TOKENS = 256;

export interface Embedder {
  embed(texts: string[]): Promise<Float32Array[]>;
  readonly dimensions: number;
  dispose(): Promise<void>;
}

export async function loadEmbedder(m: ResolvedModel, threads: number): Promise<Embedder> {
  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(m.location) as Promise<PreTrainedTokenizer>,
    AutoModel.from_pretrained(m.location, {
      dtype: m.dtype,
      model_file_name: m.fileName === "model" ? undefined : m.fileName,
      session_options: sessionOptions(threads),
    } as Parameters<typeof AutoModel.from_pretrained>[1]) as Promise<PreTrainedModel>,
  ]);
  const dimensions = Number((model.config as unknown as { hidden_size?: number }).hidden_size ?? 0);

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: MAX_TOKENS });
    const out = (await model(inputs)) as Record<string, Tensor>;
    const hidden = out.last_hidden_state ?? out.token_embeddings;
    if (!hidden) throw new Error("the embedding model returned no last_hidden_state");
    const [batch, seq, dim] = hidden.dims;
    const data = hidden.data as Float32Array;
    const mask = inputs.attention_mask.data as BigInt64Array;
    const result: Float32Array[] = [];
    for (let b = 0; b < batch; b++) {
      const v = new Float32Array(dim);
      let count = 0;
      for (let s = 0; s < seq; s++) {
        if (mask[b * seq + s] === 0n) continue;
        count++;
        const off = (b * seq + s) * dim;
        for (let d = 0; d < dim; d++) v[d] += data[off + d];
      }
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += (v[d] /= Math.max(count, 1)) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) v[d] /= norm;
      result.push(v);
    }
    return result;
  }

  return {
    dimensions,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) out.push(...(await embedBatch(texts.slice(i, i + BATCH))));
      return out;
    },
    async dispose() {
      await model.dispose();
    },
  };
}

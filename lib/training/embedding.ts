// Dense sentence embeddings as extra classifier inputs: unit-normalised, then scaled so they weigh
// about as much as the TF-IDF vector (also unit length). Training and inference share this code.
import { TrainingError } from "./errors";
import type { Embedder } from "./types";

export interface EmbeddingSpec {
  dim: number;
  /** Multiplier applied after L2 normalisation. */
  weight: number;
}

export const DEFAULT_EMBEDDING_WEIGHT = 1;

export async function embedTexts(embed: Embedder, texts: string[], spec: EmbeddingSpec | null, batch = 64): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batch) {
    const chunk = texts.slice(i, i + batch);
    const vecs = await embed(chunk);
    if (!Array.isArray(vecs) || vecs.length !== chunk.length) {
      throw new TrainingError("invalid_input", `the embedder returned ${vecs?.length} vectors for ${chunk.length} texts`);
    }
    out.push(...vecs);
  }
  const dim = spec?.dim ?? out[0]?.length ?? 0;
  const weight = spec?.weight ?? DEFAULT_EMBEDDING_WEIGHT;
  return out.map((v) => {
    if (v.length !== dim) throw new TrainingError("invalid_input", `the embedder returned a ${v.length}-dimensional vector, expected ${dim}`);
    let n = 0;
    for (let d = 0; d < dim; d++) n += v[d] * v[d];
    const s = n > 0 ? weight / Math.sqrt(n) : 0;
    return Float32Array.from(v, (x) => x * s);
  });
}

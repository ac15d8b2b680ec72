// Writes the tiny test models (tiny-chat, tiny-embed) in the Hugging Face folder layout that
// transformers.js loads for real models: config.json, tokenizer.json, tokenizer_config.json,
// onnx/model.onnx (+ generation_config.json for the chat model). Deterministic: the same call
// writes byte-identical files. Used by tests (beforeAll), the benchmark and
// `npm run models:make-test`.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildTinyDecoder, TINY_CHAT, type DecoderDims } from "./tiny-decoder";
import { buildTinyEncoder, TINY_EMBED } from "./tiny-encoder";
import { CHAT_IDS, chatTokenizerFiles, embedTokenizerFiles, EMBED_IDS } from "./tiny-tokenizers";

export interface TestModelPaths {
  chat: string;
  embed: string;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value, null, 2) + "\n");
}

/**
 * A config.json: the fields every architecture has (type, sizes), then the architecture's own
 * (`specific`), then the float32 dtype transformers.js should load.
 */
function modelConfig(type: string, architecture: string, size: { vocab: number; hidden: number; inner: number; layers: number; heads: number }, specific: Record<string, unknown>) {
  return {
    model_type: type,
    architectures: [architecture],
    vocab_size: size.vocab,
    hidden_size: size.hidden,
    intermediate_size: size.inner,
    num_hidden_layers: size.layers,
    num_attention_heads: size.heads,
    ...specific,
    torch_dtype: "float32",
    "transformers.js_config": { dtype: "fp32" },
  };
}

async function writeModelFolder(dir: string, files: { config: object; tokenizer: object; tokenizerConfig: object; onnx: Uint8Array; generationConfig?: object }) {
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  await writeJson(path.join(dir, "config.json"), files.config);
  await writeJson(path.join(dir, "tokenizer.json"), files.tokenizer);
  await writeJson(path.join(dir, "tokenizer_config.json"), files.tokenizerConfig);
  if (files.generationConfig) await writeJson(path.join(dir, "generation_config.json"), files.generationConfig);
  await writeFile(path.join(dir, "onnx", "model.onnx"), files.onnx);
}

/** `chatDims`/`chatName` write a larger chat model for benchmarks (see BENCH_CHAT). */
export async function makeTestModels(outDir: string, opts: { chatDims?: DecoderDims; chatName?: string } = {}): Promise<TestModelPaths> {
  const root = path.resolve(outDir);
  const dims = opts.chatDims ?? TINY_CHAT;
  const chat = path.join(root, opts.chatName ?? "tiny-chat");
  const embed = path.join(root, "tiny-embed");

  const chatTok = chatTokenizerFiles();
  await writeModelFolder(chat, {
    // model_type "llama" makes transformers.js treat it as a decoder-only causal LM and read
    // num_key_value_heads / head_dim for the shape of the empty KV cache at the first step.
    config: modelConfig("llama", "LlamaForCausalLM", dims, {
      num_key_value_heads: dims.heads,
      head_dim: dims.headDim,
      max_position_embeddings: 32768,
      bos_token_id: null,
      eos_token_id: CHAT_IDS.imEnd,
      pad_token_id: CHAT_IDS.pad,
      tie_word_embeddings: false,
    }),
    generationConfig: { eos_token_id: [CHAT_IDS.imEnd, CHAT_IDS.pad], pad_token_id: CHAT_IDS.pad, do_sample: false },
    tokenizer: chatTok.tokenizer,
    tokenizerConfig: chatTok.tokenizerConfig,
    onnx: buildTinyDecoder(dims),
  });

  const embedTok = embedTokenizerFiles();
  await writeModelFolder(embed, {
    config: modelConfig("bert", "BertModel", { ...TINY_EMBED, vocab: embedTok.vocabSize }, { max_position_embeddings: 512, type_vocab_size: 2, pad_token_id: EMBED_IDS.pad }),
    tokenizer: embedTok.tokenizer,
    tokenizerConfig: embedTok.tokenizerConfig,
    onnx: buildTinyEncoder(embedTok.vocabSize),
  });

  return { chat, embed };
}

// The models a server uses when CHAT_MODEL / EMBEDDING_MODEL are not set, and how those two
// settings are read: unset → the default below, "none" → turned off, anything else → that model.
// Why these two: lib/models/README.md ("Default models").
import type { ModelRole } from "./model-status";

/** Qwen2.5-0.5B-Instruct (Apache-2.0), ONNX export for transformers.js; q8 weights ≈ 512 MB. */
export const DEFAULT_CHAT_MODEL = "onnx-community/Qwen2.5-0.5B-Instruct";
/** paraphrase-multilingual-MiniLM-L12-v2 (Apache-2.0), ONNX export; 50+ languages, q8 ≈ 118 MB. */
export const DEFAULT_EMBEDDING_MODEL = "Xenova/paraphrase-multilingual-MiniLM-L12-v2";

export const DEFAULT_MODELS: Record<ModelRole, string> = { chat: DEFAULT_CHAT_MODEL, embedding: DEFAULT_EMBEDDING_MODEL };

/** Values that turn a model off explicitly. */
const OFF = new Set(["none", "off", "false"]);

export interface ModelSetting {
  /** Hub id or folder to use; empty when turned off. */
  id: string;
  /** True when the setting was not given and the built-in default applies. */
  isDefault: boolean;
}

/** Reads CHAT_MODEL / EMBEDDING_MODEL as written in the environment. */
export function modelSetting(role: ModelRole, raw: string | undefined): ModelSetting {
  const value = (raw ?? "").trim();
  if (value === "") return { id: DEFAULT_MODELS[role], isDefault: true };
  if (OFF.has(value.toLowerCase())) return { id: "", isDefault: false };
  return { id: value, isDefault: false };
}

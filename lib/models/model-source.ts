// Decides where a configured model comes from (a local folder, a hub id already in MODELS_DIR,
// or a hub id to download) and which ONNX weight file to load, before transformers.js is asked.
// Checking files ourselves turns "file not found" stack traces into one plain sentence, and lets
// MODEL_DTYPE fall back to whatever precision a folder actually has.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cacheProblem } from "./model-cache";
import type { ModelRole, ModelSourceKind } from "./model-status";

export type DataType = "fp32" | "fp16" | "q8" | "int8" | "uint8" | "q4" | "q4f16" | "bnb4";

/** transformers.js's file suffix per dtype (utils/dtypes.js DEFAULT_DTYPE_SUFFIX_MAPPING). */
export const DTYPE_SUFFIX: Record<DataType, string> = {
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  q4f16: "_q4f16",
  bnb4: "_bnb4",
};

/** When the requested precision is absent: the CPU-friendly ones first, fp32 as the safe default. */
const FALLBACK_ORDER: DataType[] = ["q8", "fp32", "int8", "uint8", "q4", "bnb4", "fp16", "q4f16"];

// Same pattern transformers.js uses to tell a hub id ("org/name") from a path.
const HUB_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

export interface ResolvedModel {
  role: ModelRole;
  id: string;
  source: ModelSourceKind;
  /** What to hand to from_pretrained: an absolute folder, or the hub id. */
  location: string;
  /** The folder on disk, once there is one (not for a hub model not yet downloaded). */
  folder?: string;
  /** Undefined for a hub download: then the requested dtype is used (or transformers.js's choice). */
  dtype?: DataType;
  /** ONNX base name inside onnx/ ("model", or "decoder_model_merged" in older exports). */
  fileName: string;
  weightBytes?: number;
}

/** `missing`: a hub id that is not in MODELS_DIR and may not be fetched (not a broken setting). */
export type Resolution = { ok: true; model: ResolvedModel } | { ok: false; error: string; missing?: boolean };

const ROLE_VAR: Record<ModelRole, string> = { chat: "CHAT_MODEL", embedding: "EMBEDDING_MODEL" };

function looksLikePath(value: string): boolean {
  return path.isAbsolute(value) || value.startsWith(".") || value.startsWith("~") || value.includes("\\") || value.split("/").length > 2;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function fileSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}

/** Picks the ONNX file to load from a folder in Hugging Face layout; null when there is none. */
export function pickWeights(folder: string, requested: DataType | "auto"): { dtype: DataType; fileName: string; bytes: number } | null {
  const onnxDir = path.join(folder, "onnx");
  if (!isDir(onnxDir)) return null;
  const files = new Set(readdirSync(onnxDir));
  let configDtype: DataType | undefined;
  try {
    const cfg = JSON.parse(readFileSync(path.join(folder, "config.json"), "utf8"));
    const d = cfg?.["transformers.js_config"]?.dtype;
    if (typeof d === "string" && d in DTYPE_SUFFIX) configDtype = d as DataType;
  } catch {
    // config.json problems are reported by the caller.
  }
  const order = [...new Set([...(requested === "auto" ? [configDtype] : [requested]), ...FALLBACK_ORDER])].filter(Boolean) as DataType[];
  for (const fileName of ["model", "decoder_model_merged"]) {
    for (const dtype of order) {
      const name = `${fileName}${DTYPE_SUFFIX[dtype]}.onnx`;
      if (files.has(name)) {
        // External weights (model.onnx_data, model.onnx_data_1…) count towards the size too.
        const bytes = [...files].filter((f) => f === name || f.startsWith(`${name}_data`)).reduce((s, f) => s + fileSize(path.join(onnxDir, f)), 0);
        return { dtype, fileName, bytes };
      }
    }
  }
  return null;
}

function fromFolder(role: ModelRole, id: string, folder: string, source: ModelSourceKind, requested: DataType | "auto"): Resolution {
  const v = ROLE_VAR[role];
  if (!existsSync(path.join(folder, "config.json"))) {
    return { ok: false, error: `${v} folder ${folder} has no config.json (expected the Hugging Face layout: config.json, tokenizer.json, onnx/model*.onnx).` };
  }
  if (!existsSync(path.join(folder, "tokenizer.json"))) {
    return { ok: false, error: `${v} folder ${folder} has no tokenizer.json.` };
  }
  const weights = pickWeights(folder, requested);
  if (!weights) return { ok: false, error: `${v} folder ${folder} has no ONNX weights (onnx/model.onnx or onnx/model_<dtype>.onnx).` };
  return { ok: true, model: { role, id, source, location: folder, folder, dtype: weights.dtype, fileName: weights.fileName, weightBytes: weights.bytes } };
}

export function resolveModel(
  role: ModelRole,
  configured: string,
  opts: { modelsDir: string; allowRemoteModels: boolean; dtype: DataType | "auto" },
): Resolution {
  const v = ROLE_VAR[role];
  const id = configured.trim();
  const asFolder = path.resolve(id.startsWith("~") ? id.replace(/^~/, os.homedir()) : id);
  if (looksLikePath(id) || (isDir(asFolder) && !HUB_ID.test(id))) {
    if (!isDir(asFolder)) return { ok: false, error: `${v} points to the folder ${asFolder}, which does not exist.` };
    return fromFolder(role, id, asFolder, "local", opts.dtype);
  }
  if (!HUB_ID.test(id)) return { ok: false, error: `${v}="${id}" is neither an existing folder nor a Hugging Face model id (org/name).` };
  if (isDir(asFolder) && existsSync(path.join(asFolder, "config.json"))) return fromFolder(role, id, asFolder, "local", opts.dtype);

  // Downloads land in MODELS_DIR/<org>/<name>/… (transformers.js file cache layout), which is
  // also where an air-gapped server finds a copied folder.
  const cached = path.join(opts.modelsDir, id);
  let damaged: string | null = null;
  if (existsSync(path.join(cached, "config.json")) && pickWeights(cached, opts.dtype)) {
    damaged = cacheProblem(cached);
    if (!damaged) {
      const r = fromFolder(role, id, cached, "cache", opts.dtype);
      if (r.ok) r.model.location = id;
      return r;
    }
  }
  if (!opts.allowRemoteModels) {
    return {
      ok: false,
      missing: true,
      error:
        `${v}="${id}" is not in MODELS_DIR (${damaged ? `the copy there is damaged: ${damaged}` : cached}) and ALLOW_REMOTE_MODELS=false. ` +
        `Run "npm run models:pull" on a machine with internet access and copy MODELS_DIR here.`,
    };
  }
  return { ok: true, model: { role, id, source: "hub", location: id, fileName: "model", dtype: opts.dtype === "auto" ? undefined : opts.dtype } };
}

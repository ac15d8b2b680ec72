// The on-disk form of a tenant model: a handful of named files plus a manifest with per-file
// sha256 and an overall checksum, so a model copied between servers can be verified before use.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { TrainingError } from "./errors";

export const MODEL_FORMAT = "faqbot-tenant-model";
export const MODEL_FORMAT_VERSION = 1;
export const REQUIRED_FILES = ["model.onnx", "features.json", "labels.json", "calibration.json", "manifest.json"];

export interface Manifest {
  format: typeof MODEL_FORMAT;
  version: number;
  kind: "ngram" | "embedding";
  classes: number;
  features: number;
  embeddingDim: number;
  quantization: string;
  checksum: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** sha256 over every file except the manifest, in name order, each as name NUL length NUL bytes. */
export function checksumOf(files: Record<string, Uint8Array>): string {
  const h = createHash("sha256");
  for (const name of Object.keys(files).filter((n) => n !== "manifest.json").sort()) {
    h.update(`${name}\0${files[name].byteLength}\0`);
    h.update(files[name]);
  }
  return h.digest("hex");
}

export function withManifest(files: Record<string, Uint8Array>, info: Omit<Manifest, "format" | "version" | "checksum" | "files">) {
  const checksum = checksumOf(files);
  const manifest: Manifest = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    ...info,
    checksum,
    files: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, { bytes: b.byteLength, sha256: sha256(b) }])),
  };
  const all = { ...files, "manifest.json": jsonBytes(manifest) };
  return { files: all, checksum, sizeBytes: Object.values(all).reduce((a, b) => a + b.byteLength, 0) };
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function parseJsonFile<T>(files: Record<string, Uint8Array>, name: string): T {
  const bytes = files[name];
  if (!bytes) throw new TrainingError("invalid_model", `model file ${name} is missing`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new TrainingError("invalid_model", `model file ${name} is not valid JSON`);
  }
}

/** Checks presence, per-file hashes and the overall checksum; returns the manifest. */
export function verifyModelFiles(files: Record<string, Uint8Array>): Manifest {
  for (const name of REQUIRED_FILES) if (!files[name]) throw new TrainingError("invalid_model", `model file ${name} is missing`);
  const manifest = parseJsonFile<Manifest>(files, "manifest.json");
  if (manifest.format !== MODEL_FORMAT || manifest.version !== MODEL_FORMAT_VERSION) {
    throw new TrainingError("invalid_model", `unsupported model format ${manifest.format} v${manifest.version}`);
  }
  for (const [name, meta] of Object.entries(manifest.files ?? {})) {
    if (!files[name] || sha256(files[name]) !== meta.sha256) throw new TrainingError("invalid_model", `model file ${name} is corrupted`);
  }
  if (checksumOf(files) !== manifest.checksum) throw new TrainingError("invalid_model", "model checksum does not match");
  return manifest;
}

export async function writeModelFiles(dir: string, files: Record<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(path.join(dir, name), bytes)));
}

export async function readModelFiles(dir: string): Promise<Record<string, Uint8Array>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new TrainingError("invalid_model", `model folder ${dir} cannot be read`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of names.filter((n) => REQUIRED_FILES.includes(n))) files[name] = new Uint8Array(await readFile(path.join(dir, name)));
  return files;
}

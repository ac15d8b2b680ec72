// The download path without the internet: the generated tiny models are served in the hub's
// layout and with its headers from a local HTTP server on 127.0.0.1 (lib/models/testing/
// local-hub.ts), and the runtime downloads, checks, caches, loads them and streams a reply; a
// restart with the hub gone loads from the cache. Transfers that arrive cut, short or corrupted
// are detected and fetched again, and a file that never arrives intact is never loaded.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestModels, type TestModelPaths } from "@/lib/models/testing/make-test-models";
import { startLocalHub, type LocalHub } from "@/lib/models/testing/local-hub";
import { ModelRuntime } from "@/lib/models/runtime";
import { generateReply } from "@/lib/models/generate-reply";
import { DownloadError, downloadModel } from "@/lib/models/hub-download";
import { readManifest } from "@/lib/models/model-cache";
import type { DownloadProgress, ModelRuntimeConfig, ModelState } from "@/lib/models/model-status";
import { ASK_HOURS, HOURS, chunks, collect, runtimeConfig } from "./helpers";

const CHAT = "test-org/tiny-chat";
const EMBED = "test-org/tiny-embed";
const FAST = { attempts: 3, retryDelayMs: 10, connectTimeoutMs: 5_000, stallTimeoutMs: 5_000 };

let dir: string;
let models: TestModelPaths;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-hub-"));
  models = await makeTestModels(path.join(dir, "source"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
let n = 0;
const freshModelsDir = () => path.join(dir, `models-${++n}`);
const hubConfig = (hub: LocalHub | string, modelsDir: string, over: Partial<ModelRuntimeConfig> = {}) =>
  runtimeConfig({
    chatModel: CHAT,
    embeddingModel: EMBED,
    defaults: { chat: true, embedding: true },
    modelsDir,
    allowRemoteModels: true,
    remoteHost: typeof hub === "string" ? hub : hub.url,
    download: FAST,
    dtype: "q8",
    ...over,
  });

/** Records every state a role goes through while ensureLoaded runs. */
function watchStates(runtime: ModelRuntime): { seen: Record<string, ModelState[]>; stop: () => void } {
  const seen: Record<string, ModelState[]> = { chat: [], embedding: [] };
  const look = () => {
    for (const s of runtime.status()) if (seen[s.role].at(-1) !== s.state) seen[s.role].push(s.state);
  };
  look();
  const timer = setInterval(look, 1);
  return { seen, stop: () => (clearInterval(timer), look()) };
}

describe("download → cache → load → reply → restart without the network", () => {
  let hub: LocalHub;
  let modelsDir: string;

  beforeAll(async () => {
    hub = await startLocalHub({ [CHAT]: models.chat, [EMBED]: models.embed }, { lfsThreshold: 4096, cacheRedirect: true });
    modelsDir = freshModelsDir();
  });

  afterAll(async () => {
    await hub?.close();
  });

  it("downloads both models in the background, checks and caches them, loads them and streams a reply", async () => {
    const runtime = new ModelRuntime(hubConfig(hub, modelsDir));
    try {
      // Before anything is fetched: named, defaults, downloading (not disabled).
      expect(runtime.status()).toEqual([
        expect.objectContaining({ role: "chat", id: CHAT, isDefault: true, state: "downloading", source: "hub" }),
        expect.objectContaining({ role: "embedding", id: EMBED, isDefault: true, state: "downloading", source: "hub" }),
      ]);
      const watch = watchStates(runtime);
      const health = await runtime.ensureLoaded();
      watch.stop();
      expect(watch.seen.chat).toEqual(["downloading", "loading", "ready"]);
      expect(watch.seen.embedding).toEqual(["downloading", "loading", "ready"]);
      expect(health.chatReady).toBe(true);
      expect(health.embeddingReady).toBe(true);

      const [chat, embedding] = runtime.status();
      expect(chat).toMatchObject({ state: "ready", source: "cache", dtype: "fp32", isDefault: true });
      expect(embedding).toMatchObject({ state: "ready", source: "cache" });
      // Progress ends complete: every file, every byte, nothing retried.
      const progress = chat.download as DownloadProgress;
      expect(progress).toMatchObject({ host: hub.url, retries: 0, file: null });
      expect(progress.filesDone).toBe(progress.filesTotal);
      expect(progress.receivedBytes).toBe(progress.totalBytes);
      expect(progress.totalBytes).toBeGreaterThan(10_000);

      // The cache: the hub's layout under MODELS_DIR, byte-identical, with its record; no leftovers.
      const cached = path.join(modelsDir, CHAT);
      for (const file of ["config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json", "onnx/model.onnx"]) {
        expect(sha256(path.join(cached, file)), file).toBe(sha256(path.join(models.chat, file)));
      }
      expect(readManifest(cached)).toMatchObject({ id: CHAT, revision: hub.commit, dtype: "fp32" });
      expect(existsSync(path.join(modelsDir, ".downloads", CHAT))).toBe(false);
      // The weights came through the LFS redirect, pinned to the commit the hub named.
      expect(hub.requests).toContain(`GET /${CHAT}/resolve/${hub.commit}/onnx/model.onnx`);
      expect(hub.requests.some((r) => r.startsWith("GET /cdn/"))).toBe(true);
      // Small files came through the hub's own cache redirect, still checked by their git SHA-1.
      expect(hub.requests).toContain(`GET /api/resolve-cache/models/${CHAT}/${hub.commit}/tokenizer_config.json`);
      // MODEL_DTYPE=q8 was asked for; the hub only has fp32, found by asking, not by downloading.
      expect(hub.requests).toContain(`HEAD /${CHAT}/resolve/${hub.commit}/onnx/model_quantized.onnx`);

      const reply = generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es" });
      const events = await collect(reply);
      expect(chunks(events).length).toBeGreaterThan(3);
      expect((await reply.result).text.length).toBeGreaterThan(0);
      const [vector] = await runtime.embed(["¿Cuál es el horario?"]);
      expect(vector.length).toBe(32);
    } finally {
      await runtime.dispose();
    }
  });

  it("after a restart with the hub gone, loads both from the cache without asking the network", async () => {
    await hub.close();
    const asked = hub.requests.length;
    const runtime = new ModelRuntime(hubConfig(hub, modelsDir));
    try {
      expect(runtime.status().map((s) => [s.state, s.source])).toEqual([
        ["loading", "cache"],
        ["loading", "cache"],
      ]);
      const health = await runtime.ensureLoaded();
      expect(health.models.map((m) => m.state)).toEqual(["ready", "ready"]);
      expect(hub.requests.length).toBe(asked);
      const reply = generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es" });
      expect(chunks(await collect(reply)).length).toBeGreaterThan(3);
      // With remote models off the cache serves just the same.
      const offline = new ModelRuntime(hubConfig(hub, modelsDir, { allowRemoteModels: false }));
      expect((await offline.ensureLoaded()).models.map((m) => m.state)).toEqual(["ready", "ready"]);
      await offline.dispose();
    } finally {
      await runtime.dispose();
    }
  });
});

describe("damaged transfers", () => {
  it("detects a cut, a short and a corrupted transfer, fetches each again, and caches exactly the hub's files", async () => {
    const hub = await startLocalHub(
      { [CHAT]: models.chat },
      {
        lfsThreshold: 4096,
        faults: [
          { file: "onnx/model.onnx", kind: "cut", times: 1 },
          { file: "tokenizer_config.json", kind: "short", times: 1 },
          { file: "generation_config.json", kind: "corrupt", times: 1 },
        ],
      },
    );
    const modelsDir = freshModelsDir();
    const seen: DownloadProgress[] = [];
    try {
      const result = await downloadModel({ id: CHAT, role: "chat", modelsDir, dtype: "fp32", remoteHost: hub.url, tuning: FAST, onProgress: (p) => seen.push(p) });
      const last = seen.at(-1)!;
      expect(last.retries).toBe(3);
      const problems = seen.map((p) => p.lastProblem).filter(Boolean);
      expect(problems.some((p) => /^onnx\/model\.onnx: the transfer of onnx\/model\.onnx was cut/.test(p!))).toBe(true);
      expect(problems.some((p) => /^tokenizer_config\.json: truncated/.test(p!))).toBe(true);
      expect(problems.some((p) => /^generation_config\.json: corrupted: git SHA-1/.test(p!))).toBe(true);
      // The cut weight file resumed where it stopped (a Range request) instead of starting over.
      const weights = hub.requests.filter((r) => r.startsWith(`GET /cdn/${sha256(path.join(models.chat, "onnx/model.onnx"))}`));
      expect(weights).toHaveLength(2);
      expect(weights[1]).toMatch(/ bytes=[1-9]\d*-$/);
      for (const f of result.files) expect(sha256(path.join(modelsDir, CHAT, f.name)), f.name).toBe(sha256(path.join(models.chat, f.name)));
      const runtime = new ModelRuntime(hubConfig(hub, modelsDir, { embeddingModel: "" }));
      expect((await runtime.ensureLoaded()).chatReady).toBe(true);
      await runtime.dispose();
    } finally {
      await hub.close();
    }
  });

  it("catches corrupted weights by their SHA-256 even when the size is right", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat }, { lfsThreshold: 4096, faults: [{ file: "onnx/model.onnx", kind: "corrupt", times: 2 }] });
    const seen: DownloadProgress[] = [];
    try {
      await downloadModel({ id: CHAT, role: "chat", modelsDir: freshModelsDir(), dtype: "fp32", remoteHost: hub.url, tuning: FAST, onProgress: (p) => seen.push(p) });
      expect(seen.at(-1)!.retries).toBe(2);
      expect(seen.at(-1)!.lastProblem).toMatch(/^onnx\/model\.onnx: corrupted: SHA-256 /);
    } finally {
      await hub.close();
    }
  });

  it("never caches or loads a file that keeps arriving damaged: the model is unavailable with the reason", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat, [EMBED]: models.embed }, { lfsThreshold: 4096, faults: [{ file: "onnx/model.onnx", kind: "corrupt", times: 1000 }] });
    const modelsDir = freshModelsDir();
    const runtime = new ModelRuntime(hubConfig(hub, modelsDir));
    try {
      const health = await runtime.ensureLoaded();
      expect(health.chatReady).toBe(false);
      const [chat, embedding] = health.models;
      expect(chat.state).toBe("unavailable");
      expect(chat.error).toMatch(/^The default chat model "test-org\/tiny-chat" could not be downloaded: onnx\/model\.onnx could not be downloaded intact after 3 tries \(last: corrupted: SHA-256 .*CHAT_MODEL=none/);
      expect(embedding.state).toBe("unavailable");
      // Nothing of it where models are loaded from, so the next start does not take it for a cache.
      expect(existsSync(path.join(modelsDir, CHAT, "config.json"))).toBe(false);
      expect(existsSync(path.join(modelsDir, CHAT, "onnx", "model.onnx"))).toBe(false);
      const offline = new ModelRuntime(hubConfig(hub, modelsDir, { allowRemoteModels: false }));
      expect(offline.status()[0]).toMatchObject({ state: "unavailable", error: expect.stringContaining("is not in MODELS_DIR") });
      await offline.dispose();
    } finally {
      await runtime.dispose();
      await hub.close();
    }
  });

  it("fetches a damaged cache again instead of loading it", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat }, { lfsThreshold: 4096 });
    const modelsDir = freshModelsDir();
    try {
      await downloadModel({ id: CHAT, role: "chat", modelsDir, dtype: "fp32", remoteHost: hub.url, tuning: FAST });
      // A disk that filled up, a partial copy: the weights lose their tail.
      const weights = path.join(modelsDir, CHAT, "onnx", "model.onnx");
      const { truncateSync } = await import("node:fs");
      truncateSync(weights, 1000);
      const offline = new ModelRuntime(hubConfig(hub, modelsDir, { allowRemoteModels: false, embeddingModel: "" }));
      expect(offline.status()[0]).toMatchObject({ state: "unavailable", error: expect.stringMatching(/damaged: onnx\/model\.onnx .* has 1000 bytes/) });
      await offline.dispose();
      const online = new ModelRuntime(hubConfig(hub, modelsDir, { embeddingModel: "" }));
      expect(online.status()[0].state).toBe("downloading");
      expect((await online.ensureLoaded()).chatReady).toBe(true);
      expect(sha256(weights)).toBe(sha256(path.join(models.chat, "onnx", "model.onnx")));
      await online.dispose();
    } finally {
      await hub.close();
    }
  });
});

describe("one download at a time", () => {
  it("lets a second download of the same model into the same MODELS_DIR wait and take the first one's files", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat }, { lfsThreshold: 4096 });
    const modelsDir = freshModelsDir();
    try {
      const [a, b] = await Promise.all([0, 1].map(() => downloadModel({ id: CHAT, role: "chat", modelsDir, dtype: "fp32", remoteHost: hub.url, tuning: FAST })));
      expect(b.files).toEqual(a.files);
      const weights = `GET /cdn/${sha256(path.join(models.chat, "onnx/model.onnx"))}`;
      expect(hub.requests.filter((r) => r === weights)).toHaveLength(1);
      expect(existsSync(path.join(modelsDir, ".downloads", `${CHAT}.lock`))).toBe(false);
    } finally {
      await hub.close();
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat }, { lfsThreshold: 4096 });
    const modelsDir = freshModelsDir();
    try {
      const lock = path.join(modelsDir, ".downloads", `${CHAT}.lock`);
      mkdirSync(path.dirname(lock), { recursive: true });
      // An earlier life of this very pid (a container restarts as pid 1 again).
      writeFileSync(lock, `${os.hostname()} ${process.pid}\n`);
      const started = performance.now();
      await downloadModel({ id: CHAT, role: "chat", modelsDir, dtype: "fp32", remoteHost: hub.url, tuning: FAST });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await hub.close();
    }
  });
});

describe("no hub", () => {
  it("fails fast and cleanly when the hub cannot be reached, naming the model and why", async () => {
    for (const host of ["http://127.0.0.1:9/", "http://hub.invalid/"]) {
      const runtime = new ModelRuntime(hubConfig(host, freshModelsDir()));
      const started = performance.now();
      const health = await runtime.ensureLoaded();
      expect(performance.now() - started).toBeLessThan(5_000);
      for (const m of health.models) {
        expect(m).toMatchObject({ state: "unavailable", isDefault: true });
        expect(m.error).toMatch(new RegExp(`^The default ${m.role} model ".+" could not be downloaded: cannot reach ${host.replace(/[./]/g, "\\$&")} \\(.+\\) — no network\\?`));
      }
      await expect(runtime.embed(["hola"])).rejects.toThrow(/could not be downloaded/);
      await runtime.dispose();
    }
  });

  it("says so when the hub does not have the model", async () => {
    const hub = await startLocalHub({ [CHAT]: models.chat });
    try {
      await expect(downloadModel({ id: "test-org/nope", role: "chat", modelsDir: freshModelsDir(), dtype: "q8", remoteHost: hub.url, tuning: FAST })).rejects.toMatchObject({
        kind: "not_found",
        message: expect.stringContaining("test-org/nope is not on"),
      });
      await expect(downloadModel({ id: "test-org/nope", role: "chat", modelsDir: freshModelsDir(), dtype: "q8", remoteHost: hub.url, tuning: FAST })).rejects.toBeInstanceOf(DownloadError);
    } finally {
      await hub.close();
    }
  });
});

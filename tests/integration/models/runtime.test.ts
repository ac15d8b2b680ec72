import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestModels, type TestModelPaths } from "@/lib/models/testing/make-test-models";
import { ModelRuntime } from "@/lib/models/runtime";
import { generateReply } from "@/lib/models/generate-reply";
import { AppError } from "@/lib/errors/app-error";
import { runtimeConfig } from "./helpers";

let dir: string;
let models: TestModelPaths;
let runtime: ModelRuntime;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-models-"));
  models = await makeTestModels(dir);
  // The production path: local folders, chat generation in the worker thread.
  runtime = new ModelRuntime(runtimeConfig({ chatModel: models.chat, embeddingModel: models.embed }));
  await runtime.ensureLoaded();
});

afterAll(async () => {
  await runtime?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("tiny test models", () => {
  it("are small and written identically every time", async () => {
    const again = await makeTestModels(path.join(dir, "again"));
    for (const file of ["tiny-chat/onnx/model.onnx", "tiny-embed/onnx/model.onnx", "tiny-chat/tokenizer.json"]) {
      const [a, b] = await Promise.all([readFile(path.join(dir, file)), readFile(path.join(again.chat, "..", file))]);
      expect(a.equals(b)).toBe(true);
    }
    expect((await readFile(path.join(models.chat, "onnx/model.onnx"))).byteLength).toBeLessThan(1_000_000);
  });
});

describe("model runtime", () => {
  it("loads both models from local folders and reports them ready", () => {
    const [chat, embedding] = runtime.status();
    expect(chat).toMatchObject({ role: "chat", id: models.chat, source: "local", state: "ready", dtype: "fp32" });
    expect(embedding).toMatchObject({ role: "embedding", state: "ready" });
    expect(chat.memoryBytes).toBeGreaterThan(0);
    expect(runtime.chatAvailable()).toBe(true);
  });

  it("reports a missing model with a plain reason, without throwing", async () => {
    const missing = new ModelRuntime(runtimeConfig({ chatModel: path.join(dir, "no-such-model"), embeddingModel: "acme/encoder" }));
    const health = await missing.ensureLoaded();
    expect(health.chatReady).toBe(false);
    expect(health.models[0]).toMatchObject({ state: "error", error: expect.stringContaining("no-such-model, which does not exist") });
    expect(health.models[1]).toMatchObject({ state: "unavailable", isDefault: false, error: expect.stringContaining("ALLOW_REMOTE_MODELS=false") });
    await expect(missing.embed(["hola"])).rejects.toBeInstanceOf(AppError);
    const none = new ModelRuntime(runtimeConfig({}));
    expect(none.status().map((s) => s.state)).toEqual(["disabled", "disabled"]);
  });

  it("reports a model that fails to load as an error with the cause", async () => {
    const broken = new ModelRuntime(runtimeConfig({ chatModel: models.embed }));
    await broken.ensureLoaded();
    expect(broken.status()[0]).toMatchObject({ state: "error", error: expect.stringContaining("no chat_template") });
  });
});

describe("embeddings", () => {
  it("returns one normalised vector per text, the same every time and regardless of batching", async () => {
    const texts = ["¿Cuál es el horario?", "Shipping costs", "¿Cuál es el horario?"];
    const vectors = await runtime.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(32);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect([...vectors[2]]).toEqual([...vectors[0]]);
    const [alone] = await runtime.embed(["¿Cuál es el horario?"]);
    alone.forEach((x, i) => expect(x).toBeCloseTo(vectors[0][i], 5));
    expect([...vectors[1]]).not.toEqual([...vectors[0]]);
  });
});

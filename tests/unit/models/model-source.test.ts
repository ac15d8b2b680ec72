import { cp, mkdtemp, mkdir, rm, writeFile, copyFile, stat, truncate } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestModels, type TestModelPaths } from "@/lib/models/testing/make-test-models";
import { resolveModel } from "@/lib/models/model-source";
import { writeManifest } from "@/lib/models/model-cache";

let dir: string;
let models: TestModelPaths;
const opts = (o: Partial<Parameters<typeof resolveModel>[2]> = {}) => ({ modelsDir: path.join(dir, "cache"), allowRemoteModels: false, dtype: "q8" as const, ...o });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-source-"));
  models = await makeTestModels(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("resolveModel", () => {
  it("loads a local folder, falling back to the precision it has (fp32) when q8 is absent", () => {
    const r = resolveModel("chat", models.chat, opts());
    expect(r).toMatchObject({ ok: true, model: { source: "local", location: models.chat, dtype: "fp32", fileName: "model" } });
  });

  it("prefers the requested precision when the folder has it", async () => {
    await copyFile(path.join(models.embed, "onnx/model.onnx"), path.join(models.embed, "onnx/model_quantized.onnx"));
    expect(resolveModel("embedding", models.embed, opts())).toMatchObject({ ok: true, model: { dtype: "q8" } });
    await rm(path.join(models.embed, "onnx/model_quantized.onnx"));
  });

  it("says in plain words which folder is missing or incomplete", async () => {
    const missing = resolveModel("chat", path.join(dir, "nope"), opts());
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/^CHAT_MODEL points to the folder .*nope, which does not exist/) });
    const empty = path.join(dir, "empty");
    await mkdir(empty);
    await writeFile(path.join(empty, "config.json"), "{}");
    await writeFile(path.join(empty, "tokenizer.json"), "{}");
    expect(resolveModel("embedding", empty, opts())).toEqual({ ok: false, error: expect.stringMatching(/EMBEDDING_MODEL folder .* has no ONNX weights/) });
  });

  it("finds a hub id in MODELS_DIR, and explains how to get it there when it is not", async () => {
    const offline = resolveModel("chat", "onnx-community/Qwen2.5-0.5B-Instruct", opts());
    expect(offline).toMatchObject({ ok: false, missing: true });
    if (!offline.ok) expect(offline.error).toMatch(/not in MODELS_DIR .* ALLOW_REMOTE_MODELS=false.*models:pull/);

    const cached = path.join(dir, "cache", "acme", "tiny-chat");
    await mkdir(path.dirname(cached), { recursive: true });
    await cp(models.chat, cached, { recursive: true });
    expect(resolveModel("chat", "acme/tiny-chat", opts())).toMatchObject({ ok: true, model: { source: "cache", location: "acme/tiny-chat" } });

    expect(resolveModel("chat", "acme/not-downloaded", opts({ allowRemoteModels: true }))).toMatchObject({ ok: true, model: { source: "hub" } });
  });

  it("does not take a download whose files no longer match their record for a cache", async () => {
    const cached = path.join(dir, "cache", "acme", "recorded");
    await cp(models.embed, cached, { recursive: true });
    const weights = path.join(cached, "onnx/model.onnx");
    const size = (await stat(weights)).size;
    await writeManifest(cached, { id: "acme/recorded", host: "https://huggingface.co/", revision: "main", dtype: "fp32", downloadedAt: "", files: [{ name: "onnx/model.onnx", size, sha256: "" }] });
    expect(resolveModel("embedding", "acme/recorded", opts())).toMatchObject({ ok: true, model: { source: "cache" } });
    await truncate(weights, 100);
    expect(resolveModel("embedding", "acme/recorded", opts())).toMatchObject({ ok: false, missing: true, error: expect.stringMatching(/damaged: onnx\/model\.onnx in .* has 100 bytes, the download had \d+/) });
    // With the hub allowed, it is fetched again.
    expect(resolveModel("embedding", "acme/recorded", opts({ allowRemoteModels: true }))).toMatchObject({ ok: true, model: { source: "hub" } });
  });
});

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ort from "onnxruntime-node";
import { loadTenantModel, trainTenantModel, writeModelFiles, type TrainedModel } from "@/lib/training";
import { bilingualFaq, fakeEmbed } from "./fixtures";

let trained: TrainedModel;
let dir: string;
const probes = ["horario de los sabados", "where is my package", "quiero un reembolso", "pago con paypal", "the weather today"];

beforeAll(async () => {
  trained = await trainTenantModel(bilingualFaq, { seed: 3 });
  dir = await mkdtemp(path.join(tmpdir(), "faq-model-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tenant model artifacts", () => {
  it("writes the files, and a model loaded from disk decides exactly like the in-memory one", async () => {
    expect(Object.keys(trained.files).sort()).toEqual(["calibration.json", "features.json", "labels.json", "manifest.json", "model.onnx"]);
    expect(trained.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(trained.sizeBytes).toBe(Object.values(trained.files).reduce((a, b) => a + b.byteLength, 0));
    await writeModelFiles(dir, trained.files);
    const fromDisk = await loadTenantModel(dir);
    const fromMemory = await loadTenantModel(trained.files);
    expect(fromDisk.checksum).toBe(trained.checksum);
    expect(await fromDisk.decideBatch(probes)).toEqual(await fromMemory.decideBatch(probes));
  });

  it("is an ONNX graph over sparse indices/values that onnxruntime runs directly", async () => {
    const session = await ort.InferenceSession.create(trained.files["model.onnx"]);
    expect(session.inputNames).toEqual(["indices", "values"]);
    const out = await session.run({
      indices: new ort.Tensor("int64", BigInt64Array.from([0n, 1n]), [1, 2]),
      values: new ort.Tensor("float32", Float32Array.from([0.5, 0.5]), [1, 2]),
    });
    const p = out.probabilities.data as Float32Array;
    expect(p.length).toBe(6);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it("refuses a corrupted model file", async () => {
    const broken = { ...trained.files, "labels.json": new TextEncoder().encode('["x","y","z","u","v","w"]') };
    await expect(loadTenantModel(broken)).rejects.toMatchObject({ reason: "invalid_model" });
    const partial = await mkdtemp(path.join(tmpdir(), "faq-model-partial-"));
    await writeFile(path.join(partial, "model.onnx"), trained.files["model.onnx"]);
    await expect(loadTenantModel(partial)).rejects.toMatchObject({ reason: "invalid_model" });
    await rm(partial, { recursive: true, force: true });
  });

  it("trains on top of a sentence encoder when one is given, and needs it again to load", async () => {
    const withEmbed = await trainTenantModel(bilingualFaq, { seed: 3, embed: fakeEmbed });
    expect(withEmbed.kind).toBe("embedding");
    await expect(loadTenantModel(withEmbed.files)).rejects.toMatchObject({ reason: "unavailable" });
    const m = await loadTenantModel(withEmbed.files, { embed: fakeEmbed });
    const d = await m.decide("olvide mi contraseña");
    expect(d.candidates[0].label).toBe("contrasena");
    const session = await ort.InferenceSession.create(withEmbed.files["model.onnx"]);
    expect(session.inputNames).toContain("embedding");
  });
});

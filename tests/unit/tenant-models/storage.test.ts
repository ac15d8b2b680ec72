// Trained models travel through the database: the packed artifact round-trips byte for byte, and
// an instance without the local folder loads the model from the database and refills its cache.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { loadTenantModel, trainTenantModel, type TrainedModel } from "@/lib/training";
import { artifactDir, loadArtifactFiles, packArtifact, toStoredPath, unpackArtifact } from "@/lib/tenant-models/storage";
import { DEMO_FAQ } from "@/lib/seed/demo-faq";

let dataDir: string;
let trained: TrainedModel;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-storage-"));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  trained = await trainTenantModel(DEMO_FAQ.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key }))), { seed: 0 });
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
  resetEnvForTests();
});

describe("model artifacts in the database", () => {
  it("packs and unpacks every file byte for byte", () => {
    const back = unpackArtifact(packArtifact(trained.files));
    expect(Object.keys(back).sort()).toEqual(Object.keys(trained.files).sort());
    for (const [name, bytes] of Object.entries(trained.files)) expect(Buffer.compare(Buffer.from(back[name]!), Buffer.from(bytes))).toBe(0);
  });

  it("loads from the database when the local folder is missing, and caches it locally", async () => {
    const version = { tenantId: "t-storage", number: 3, artifactPath: toStoredPath(artifactDir("t-storage", 3)), artifact: packArtifact(trained.files), checksum: trained.checksum };
    expect(fs.existsSync(artifactDir("t-storage", 3))).toBe(false);
    const source = await loadArtifactFiles(version);
    expect(typeof source).toBe("object");
    const model = await loadTenantModel(source);
    expect((await model.decide("How long does shipping take?")).candidates[0]!.label).toBe("shipping-time");
    await model.dispose();
    // The next load reads the refilled folder.
    expect(fs.existsSync(path.join(artifactDir("t-storage", 3), "manifest.json"))).toBe(true);
    expect(await loadArtifactFiles(version)).toBe(artifactDir("t-storage", 3));
  });

  it("does not trust a local folder holding a different model under the same number", async () => {
    const other = { tenantId: "t-storage", number: 3, artifactPath: toStoredPath(artifactDir("t-storage", 3)), artifact: packArtifact(trained.files), checksum: "another-model" };
    expect(typeof (await loadArtifactFiles(other))).toBe("object");
  });

  it("refuses bytes that are not a packed model", () => {
    expect(() => unpackArtifact(new TextEncoder().encode("garbage!"))).toThrow(/not a packed/);
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreTrainedModel } from "@huggingface/transformers";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { generationPath, loadCausalLM, startGeneration } from "@/lib/models/engine/token-generator";

let dir: string;
let model: PreTrainedModel;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-gen-"));
  const { chat } = await makeTestModels(dir);
  model = await loadCausalLM({ location: chat, dtype: "fp32", fileName: "model", threads: 1 });
});
afterAll(async () => {
  await model?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function run(via: "greedy" | "transformers", prompt: number[], maxNewTokens = 40) {
  const ids: number[] = [];
  const outcome = await startGeneration(model, { inputIds: prompt, maxNewTokens, timeBudgetMs: 60_000 }, (id) => ids.push(id), via).done;
  return { ids, outcome };
}

describe("token generation", () => {
  it("uses our greedy loop for a plain decoder, with exactly the tokens transformers.js generate() picks", async () => {
    expect(generationPath(model)).toBe("greedy");
    const prompt = [...Buffer.from("<question> hours? ")];
    const ours = await run("greedy", prompt);
    const theirs = await run("transformers", prompt);
    expect(ours.ids).toHaveLength(40);
    expect(ours.ids).toEqual(theirs.ids);
    expect(ours.outcome).toEqual({ tokens: 40, stop: "max_tokens" });
  });

  it("stops on cancel between steps", async () => {
    const ids: number[] = [];
    const running = startGeneration(model, { inputIds: [104, 105], maxNewTokens: 10_000, timeBudgetMs: 60_000 }, (id) => {
      ids.push(id);
      if (ids.length === 5) running.cancel();
    });
    expect(await running.done).toEqual({ tokens: 5, stop: "cancelled" });
  });
});

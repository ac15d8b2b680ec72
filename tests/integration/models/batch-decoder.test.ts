// Continuous batching (lib/models/engine/batch-decoder.ts): replies generated together share
// forward passes, and each gets exactly the tokens it gets alone, whenever it joins or leaves.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreTrainedModel } from "@huggingface/transformers";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { createGenerator, loadCausalLM, startGeneration, type Generator } from "@/lib/models/engine/token-generator";

let dir: string;
let model: PreTrainedModel;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-batch-"));
  const { chat } = await makeTestModels(dir);
  model = await loadCausalLM({ location: chat, dtype: "fp32", fileName: "model", threads: 1 });
});
afterAll(async () => {
  await model?.dispose();
  await rm(dir, { recursive: true, force: true });
});

const SHARED = "<system> You answer from the FAQ. [1] Q: opening hours A: nine to six. <user> ";
const prompts = ["when do you open?", "is shipping free", "¿puedo pagar con tarjeta?", "hi"].map((q) => [...Buffer.from(SHARED + q)]);

async function alone(prompt: number[], maxNewTokens: number): Promise<number[]> {
  const ids: number[] = [];
  await startGeneration(model, { inputIds: prompt, maxNewTokens, timeBudgetMs: 60_000 }, (id) => ids.push(id), "greedy").done;
  return ids;
}

function start(g: Generator, prompt: number[], maxNewTokens: number, onToken?: (n: number) => void) {
  const ids: number[] = [];
  const run = g.start({ inputIds: prompt, maxNewTokens, timeBudgetMs: 60_000 }, (id) => {
    ids.push(id);
    onToken?.(ids.length);
  });
  return { ids, run };
}

describe("batched decoding", () => {
  it("gives replies started together the tokens each gets alone, in shared forward passes", async () => {
    const lengths = [30, 12, 24, 30];
    const expected = await Promise.all(prompts.map((p, i) => alone(p, lengths[i])));
    const g = createGenerator(model, { maxBatch: 4 });
    expect(g.path).toBe("batched");
    const runs = prompts.map((p, i) => start(g, p, lengths[i]));
    const outcomes = await Promise.all(runs.map((r) => r.run.done));
    runs.forEach((r, i) => expect(r.ids).toEqual(expected[i]));
    expect(outcomes.map((o) => o.stop)).toEqual(["max_tokens", "max_tokens", "max_tokens", "max_tokens"]);
    const { steps, rows, widest, prefixTokensReused } = g.decoder!.stats;
    expect(widest).toBe(4);
    // One pass per token of the longest reply (its first token comes from its prefill), not one per token of all.
    expect(steps).toBe(29);
    expect(rows).toBe(lengths.reduce((a, b) => a + b) - 4);
    // The shared system prompt was computed once.
    expect(prefixTokensReused).toBeGreaterThanOrEqual(3 * Buffer.from(SHARED).length);
  });

  it("lets a reply join a running batch and another leave it without changing either's tokens", async () => {
    const [a, b, c] = await Promise.all([alone(prompts[0], 40), alone(prompts[1], 25), alone(prompts[2], 10)]);
    const g = createGenerator(model, { maxBatch: 4 });
    let later: ReturnType<typeof start>[] = [];
    const first = start(g, prompts[0], 40, (n) => {
      if (n === 8) later = [start(g, prompts[1], 25), start(g, prompts[2], 10)];
    });
    await first.run.done;
    await Promise.all(later.map((r) => r.run.done));
    expect(first.ids).toEqual(a);
    expect(later[0].ids).toEqual(b);
    expect(later[1].ids).toEqual(c);
  });

  it("stops a cancelled reply at once and keeps the others going", async () => {
    const expected = await alone(prompts[3], 30);
    const g = createGenerator(model, { maxBatch: 4 });
    const cancelled = start(g, prompts[0], 1000, (n) => n === 5 && cancelled.run.cancel());
    const other = start(g, prompts[3], 30);
    expect(await cancelled.run.done).toEqual({ tokens: 5, stop: "cancelled" });
    expect(await other.run.done).toEqual({ tokens: 30, stop: "max_tokens" });
    expect(other.ids).toEqual(expected);
  });

  it("never puts more than maxBatch replies in one pass; the next waits for a place", async () => {
    const g = createGenerator(model, { maxBatch: 2 });
    const runs = prompts.slice(0, 3).map((p) => start(g, p, 10));
    await Promise.all(runs.map((r) => r.run.done));
    expect(g.decoder!.stats.widest).toBe(2);
    expect(runs.map((r) => r.ids.length)).toEqual([10, 10, 10]);
  });
});

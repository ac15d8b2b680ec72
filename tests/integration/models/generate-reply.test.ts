import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { makeTestModels, type TestModelPaths } from "@/lib/models/testing/make-test-models";
import { ModelRuntime } from "@/lib/models/runtime";
import { generateReply } from "@/lib/models/generate-reply";
import type { ChatEngine } from "@/lib/models/engine/chat-engine";
import { ASK_HOURS, HOURS, chunks, collect, runtimeConfig } from "./helpers";

let dir: string;
let models: TestModelPaths;
let runtime: ModelRuntime;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-reply-"));
  models = await makeTestModels(dir);
  runtime = new ModelRuntime(runtimeConfig({ chatModel: models.chat, maxNewTokens: 32 }));
  await runtime.ensureLoaded();
});

afterAll(async () => {
  await runtime?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** An engine that "generates" a fixed answer with the real tiny tokenizer, one token at a time. */
async function scriptedRuntime(answer: string, seen: { aborted?: boolean } = {}): Promise<ModelRuntime> {
  const tokenizer = (await AutoTokenizer.from_pretrained(models.chat)) as PreTrainedTokenizer;
  const ids = tokenizer.encode(answer, { add_special_tokens: false });
  const engine: ChatEngine = {
    kind: "custom",
    async generate(_req, onToken, signal) {
      for (const id of ids) {
        if (signal?.aborted) {
          seen.aborted = true;
          return { tokens: 0, stop: "cancelled" };
        }
        onToken(id);
        await new Promise((r) => setImmediate(r));
      }
      return { tokens: ids.length, stop: "eos" };
    },
    async dispose() {},
  };
  const rt = new ModelRuntime(runtimeConfig({ chatModel: models.chat }), { engineFactory: async () => engine });
  await rt.ensureLoaded();
  return rt;
}

describe("generateReply with the tiny chat model", () => {
  it("streams the reply token by token, then replaces it with the FAQ answer when the guard rejects it", async () => {
    const reply = generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es" });
    const events = await collect(reply);
    const streamed = chunks(events);
    expect(streamed.length).toBeGreaterThan(10);
    expect(streamed.join("")).toMatch(/^[\x20-\x7e]+$/); // readable text, no broken bytes
    const result = await reply.result;
    expect(result).toMatchObject({ text: HOURS.answer, fallback: true, grounded: true, reason: "guard", tokens: 32 });
    expect(result.detail).toMatch(/words come from the FAQ/);
    // The chat layer is told to swap what it showed for the FAQ answer, after the last chunk.
    const replaceAt = events.findIndex((e) => e.type === "replace");
    expect(events[replaceAt]).toEqual({ type: "replace", text: HOURS.answer, reason: "guard" });
    expect(events.slice(replaceAt).some((e) => e.type === "chunk")).toBe(false);
    expect(events.at(-1)).toEqual({ type: "done", result });
  });

  it("generates the same reply for the same conversation (greedy decoding)", async () => {
    const once = chunks(await collect(generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es" }))).join("");
    const twice = chunks(await collect(generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es" }))).join("");
    expect(twice).toBe(once);
  });

  it("stops promptly when cancelled mid-stream: no further chunks", async () => {
    const ctrl = new AbortController();
    const reply = generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es", signal: ctrl.signal, maxNewTokens: 2000 });
    const events = [];
    let seen = 0;
    for await (const e of reply) {
      events.push(e);
      if (e.type === "chunk" && ++seen === 3) ctrl.abort();
    }
    const result = await reply.result;
    expect(result.reason).toBe("cancelled");
    expect(result.fallback).toBe(false);
    expect(result.tokens).toBeLessThan(100);
    expect(chunks(events)).toHaveLength(3);
    expect(events.at(-1)?.type).toBe("done");
  });

  it("queues replies beyond the concurrency limit and serves tenants in turn", async () => {
    const order: string[] = [];
    const start = (name: string, tenantId: string) => {
      const reply = generateReply({ runtime, messages: ASK_HOURS, passages: [HOURS], language: "es", tenantId, maxNewTokens: 4 });
      const events = collect(reply).then((evs) => {
        if (evs.some((e) => e.type === "started")) order.push(name);
        return evs;
      });
      return { reply, events };
    };
    const a = start("a", "t1");
    const b = start("b", "t1");
    const c = start("c", "t1");
    const d = start("d", "t2");
    expect(a.reply.state).toBe("generating");
    expect([b.reply.state, c.reply.state, d.reply.state]).toEqual(["queued", "queued", "queued"]);
    const all = await Promise.all([a, b, c, d].map((x) => x.events));
    expect(all[1][0]).toEqual({ type: "queued", ahead: 0 });
    expect(all[3][0]).toEqual({ type: "queued", ahead: 2 });
    expect(all.every((evs) => evs.at(-1)?.type === "done")).toBe(true);
    expect(order).toEqual(["a", "b", "d", "c"]); // t2 is not stuck behind all of t1
  });

  it("lets a cancelled waiter leave the queue, and answers from the FAQ when the queue is full", async () => {
    const small = new ModelRuntime(runtimeConfig({ chatModel: models.chat, queueLimit: 1, maxNewTokens: 8 }));
    await small.ensureLoaded();
    try {
      const running = generateReply({ runtime: small, messages: ASK_HOURS, passages: [HOURS], language: "es" });
      const ctrl = new AbortController();
      const waiting = generateReply({ runtime: small, messages: ASK_HOURS, passages: [HOURS], language: "es", signal: ctrl.signal });
      const overflow = generateReply({ runtime: small, messages: ASK_HOURS, passages: [HOURS], language: "es" });
      expect(await overflow.result).toMatchObject({ reason: "queue_full", fallback: true, text: HOURS.answer });
      ctrl.abort();
      expect(await waiting.result).toMatchObject({ reason: "cancelled", tokens: 0 });
      const afterLeave = generateReply({ runtime: small, messages: ASK_HOURS, passages: [HOURS], language: "es" });
      expect(afterLeave.state).toBe("queued");
      await running.result;
      expect((await afterLeave.result).tokens).toBe(8);
    } finally {
      await small.dispose();
    }
  });
});

describe("generateReply fallbacks and grounding", () => {
  it("answers verbatim from the FAQ when no chat model is available", async () => {
    const none = new ModelRuntime(runtimeConfig({ chatModel: path.join(dir, "missing-model") }));
    await none.ensureLoaded();
    const reply = generateReply({ runtime: none, messages: ASK_HOURS, passages: [HOURS, { key: "x", question: "q", answer: "other" }], language: "es" });
    const events = await collect(reply);
    expect(chunks(events)).toEqual([]);
    expect(events[0]).toEqual({ type: "replace", text: HOURS.answer, reason: "no_chat_model" });
    expect(await reply.result).toMatchObject({ text: HOURS.answer, fallback: true, reason: "no_chat_model", detail: expect.stringContaining("missing-model") });
  });

  it("keeps a generated answer that stays within the passages", async () => {
    const rt = await scriptedRuntime("Abrimos de lunes a viernes, de 9:00 a 18:00.");
    const reply = generateReply({ runtime: rt, messages: ASK_HOURS, passages: [HOURS], language: "es" });
    const events = await collect(reply);
    const result = await reply.result;
    expect(result).toMatchObject({ text: "Abrimos de lunes a viernes, de 9:00 a 18:00.", grounded: true, fallback: false, reason: "generated" });
    expect(chunks(events).join("")).toBe(result.text);
    expect(events.some((e) => e.type === "replace")).toBe(false);
    await rt.dispose();
  });

  it("stops generating as soon as an invented figure appears, and falls back", async () => {
    const seen: { aborted?: boolean } = {};
    const rt = await scriptedRuntime("Abrimos a las 7:30 de lunes a viernes, de 9:00 a 18:00 y también los domingos.", seen);
    const reply = generateReply({ runtime: rt, messages: ASK_HOURS, passages: [HOURS], language: "es" });
    const events = await collect(reply);
    expect(await reply.result).toMatchObject({ text: HOURS.answer, fallback: true, reason: "guard", detail: expect.stringContaining("7:30") });
    expect(seen.aborted).toBe(true);
    expect(chunks(events).join("")).not.toContain("domingos");
    await rt.dispose();
  });

  it("returns no text when there is no passage to ground an answer on", async () => {
    expect(await generateReply({ runtime, messages: ASK_HOURS, passages: [], language: "es" }).result).toMatchObject({ text: "", reason: "no_passages" });
  });
});

// The chat model's two jobs when the tenant model is unsure (lib/models/clarify.ts): choosing one
// of the candidates or none, and asking one clarifying question — with the real tiny model (the
// code runs end to end and never returns an unchecked answer) and with scripted outputs (each rule
// of the checks).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { makeTestModels, type TestModelPaths } from "@/lib/models/testing/make-test-models";
import { ModelRuntime } from "@/lib/models/runtime";
import { chooseCandidate, clarifyingQuestion } from "@/lib/models/clarify";
import type { ChatEngine } from "@/lib/models/engine/chat-engine";
import type { FaqPassage } from "@/lib/models/prompt";
import { runtimeConfig } from "./helpers";

let dir: string;
let models: TestModelPaths;
const runtimes: ModelRuntime[] = [];

const CANDIDATES: FaqPassage[] = [
  { key: "envio-coste", question: "¿Cuánto cuesta el envío?", answer: "El envío cuesta 4,95 € y es gratis desde 50 €." },
  { key: "devoluciones", question: "¿Cómo devuelvo un pedido?", answer: "Tienes 30 días para devolverlo desde Mis pedidos." },
];
const MESSAGES = [{ role: "customer" as const, text: "y lo del paquete cuanto es?" }];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-clarify-"));
  models = await makeTestModels(dir);
});

afterAll(async () => {
  for (const r of runtimes) await r.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A runtime whose engine "generates" `output` with the real tiny tokenizer. */
async function scripted(output: string): Promise<ModelRuntime> {
  const tokenizer = (await AutoTokenizer.from_pretrained(models.chat)) as PreTrainedTokenizer;
  const ids = tokenizer.encode(output, { add_special_tokens: false });
  const engine: ChatEngine = {
    kind: "custom",
    async generate(req, onToken) {
      const out = ids.slice(0, req.maxNewTokens);
      for (const id of out) onToken(id);
      return { tokens: out.length, stop: out.length < ids.length ? "max_tokens" : "eos" };
    },
    async dispose() {},
  };
  const rt = new ModelRuntime(runtimeConfig({ chatModel: models.chat }), { engineFactory: async () => engine });
  await rt.ensureLoaded();
  runtimes.push(rt);
  return rt;
}

describe("choosing among the candidates", () => {
  it.each([
    ["1", 0],
    ["2", 1],
    [" 2.", 1],
    ["0", null],
    ["3", null], // not one of the numbers offered
    ["none", null],
  ])("model says %j → %s", async (output, expected) => {
    const runtime = await scripted(output);
    expect(await chooseCandidate({ messages: MESSAGES, candidates: CANDIDATES, language: "es", runtime })).toBe(expected);
  });

  it("runs the real tiny model end to end and returns a candidate or null", async () => {
    const runtime = new ModelRuntime(runtimeConfig({ chatModel: models.chat }));
    await runtime.ensureLoaded();
    runtimes.push(runtime);
    const choice = await chooseCandidate({ messages: MESSAGES, candidates: CANDIDATES, language: "es", runtime });
    expect(choice === null || choice === 0 || choice === 1).toBe(true);
  });

  it("returns null without a chat model", async () => {
    const runtime = new ModelRuntime(runtimeConfig({ chatModel: "" }));
    runtimes.push(runtime);
    expect(await chooseCandidate({ messages: MESSAGES, candidates: CANDIDATES, language: "es", runtime })).toBeNull();
  });
});

describe("a clarifying question", () => {
  it("is kept when it is a short question with no invented facts", async () => {
    const runtime = await scripted("¿Hablas del precio del envío o de una devolución?");
    expect(await clarifyingQuestion({ messages: MESSAGES, candidates: CANDIDATES, language: "es", runtime })).toBe("¿Hablas del precio del envío o de una devolución?");
  });

  it.each([
    ["an answer instead of a question", "El envío cuesta 4,95 €."],
    ["a figure not in the FAQ", "¿Te refieres al envío de 7,50 € o a una devolución?"],
    ["a link not in the FAQ", "¿Has mirado https://example.com/ayuda o quieres devolver algo?"],
    ["too short", "¿Qué?"],
  ])("is refused when it is %s", async (_why, output) => {
    const runtime = await scripted(output);
    expect(await clarifyingQuestion({ messages: MESSAGES, candidates: CANDIDATES, language: "es", runtime })).toBeNull();
  });

  it("needs at least two candidates to tell apart", async () => {
    const runtime = await scripted("¿Te refieres al envío?");
    expect(await clarifyingQuestion({ messages: MESSAGES, candidates: CANDIDATES.slice(0, 1), language: "es", runtime })).toBeNull();
  });
});

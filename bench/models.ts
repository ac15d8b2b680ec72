// `npm run bench:models [-- --quick] [--reps N] [--tokens N]`
// Load time, time to first token, tokens/s, peak memory and event-loop delay for the configured
// chat model (CHAT_MODEL), measured side by side for:
//   bare     greedy loop with KV cache straight on onnxruntime-node (the floor)
//   hf       transformers.js generate() in this thread (what the service would cost without our loop)
//   service  generateReply(): worker thread, fair queue, chat template, streaming decode, guard
// then the service with 1 and with --concurrent N (default 4) replies at once (continuous
// batching): aggregate tokens/s and each reply's time to first token, printed as the last line
// (JSON: concurrency { n, singleTokensPerSecond, aggregateTokensPerSecond, speedup, … }).
// --quick generates the tiny test models into a temp dir and benches those (CI, < 1 minute).
// Without CHAT_MODEL (or with --synthetic, or when the default chat model is not downloaded yet) it
// benches a generated ~25 M-parameter decoder.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { BENCH_CHAT } from "@/lib/models/testing/tiny-decoder";
import { bareGreedy, createBareSession } from "@/lib/models/testing/bare-greedy";
import { ModelRuntime, runtimeConfigFromEnv } from "@/lib/models/runtime";
import { generateReply } from "@/lib/models/generate-reply";
import { buildChatMessages, type FaqPassage } from "@/lib/models/prompt";
import { DTYPE_SUFFIX, resolveModel } from "@/lib/models/model-source";
import { generationPath, loadCausalLM, startGeneration } from "@/lib/models/engine/token-generator";
import { createWorkerEngine } from "@/lib/models/engine/worker-engine";
import { configureTransformers } from "@/lib/models/engine/transformers-setup";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, synthetic: { type: "boolean", default: false }, reps: { type: "string" }, tokens: { type: "string" }, concurrent: { type: "string" } } });
const quick = values.quick!;
const base = runtimeConfigFromEnv();
// Without a configured model (no weights can be downloaded here), the full run benches a
// generated ~25 M-parameter decoder whose per-token work is of the order of a small real model.
// The built-in default chat model counts as configured once it is in MODELS_DIR.
const defaultMissing = Boolean(base.defaults?.chat) && resolveModel("chat", base.chatModel, { ...base, allowRemoteModels: false }).ok === false;
const synthetic = values.synthetic! || (!quick && (!base.chatModel || defaultMissing));
const reps = Number(values.reps ?? (quick ? 7 : synthetic ? 3 : 3));
let tempDir: string | null = null;
let chatModel = base.chatModel;
if (quick || synthetic) {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "faqbot-bench-"));
  chatModel = quick ? (await makeTestModels(tempDir)).chat : (await makeTestModels(tempDir, { chatDims: BENCH_CHAT, chatName: "bench-chat" })).chat;
}
const newTokens = Number(values.tokens ?? (quick ? 128 : synthetic ? 64 : base.maxNewTokens));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => (n < 10 * 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(0)} MB`);
let peakRss = process.memoryUsage().rss;
const rssAtStart = peakRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);

const passages: FaqPassage[] = [
  { key: "hours", question: "¿Cuál es el horario de atención?", answer: "Abrimos de lunes a viernes de 9:00 a 18:00 y los sábados de 10:00 a 14:00." },
  { key: "shipping", question: "¿Cuánto cuesta el envío?", answer: "El envío cuesta 4,95 EUR y es gratis en pedidos de más de 50 EUR." },
];
const messages = [{ role: "customer" as const, text: "Hola, ¿a qué hora abrís los sábados?" }];

// --- load (the service path: worker thread) ---
// The overhead comparison runs one reply at a time without prefix reuse, like the bare loop.
const runtimeConfig = { ...base, chatModel, embeddingModel: "", useWorker: true, maxNewTokens: newTokens, timeBudgetMs: 10 * 60_000 };
const runtime = new ModelRuntime(
  { ...runtimeConfig, concurrency: 1 },
  { engineFactory: (m, setup) => createWorkerEngine(setup, { location: m.location, dtype: m.dtype, fileName: m.fileName, threads: base.threads, maxBatch: 1, prefixEntries: 0 }) },
);
const health = await runtime.ensureLoaded();
const status = health.models[0];
if (!health.chatReady) {
  console.error(`chat model not ready: ${status.error}`);
  process.exit(1);
}
const chat = runtime.getChat()!;
const promptIds = chat.tokenizer.apply_chat_template(buildChatMessages(messages, passages, "es") as never, {
  add_generation_prompt: true,
  tokenize: true,
  return_tensor: false,
  return_dict: false,
}) as unknown as number[];

// --- the same weights for the bare loop and the in-thread engine ---
const resolved = resolveModel("chat", chatModel, base);
if (!resolved.ok || !resolved.model.folder || !resolved.model.dtype) throw new Error(`cannot locate the ONNX file of ${chatModel}`);
const onnxPath = path.join(resolved.model.folder, "onnx", `${resolved.model.fileName}${DTYPE_SUFFIX[resolved.model.dtype]}.onnx`);
const bare = await createBareSession(onnxPath, base.threads);
configureTransformers(base);
const hfModel = await loadCausalLM({ location: resolved.model.location, dtype: resolved.model.dtype, fileName: resolved.model.fileName, threads: base.threads });

interface Sample {
  ttftMs: number;
  totalMs: number;
  tokens: number;
}
const samples: Record<"bare" | "hf" | "service", Sample[]> = { bare: [], hf: [], service: [] };
const loopDelay: Record<"hf" | "service", number[]> = { hf: [], service: [] };

async function runService(): Promise<Sample> {
  const started = performance.now();
  let ttft = 0;
  const reply = generateReply({ runtime, messages, passages, language: "es", maxNewTokens: newTokens });
  for await (const e of reply) if (e.type === "chunk" && !ttft) ttft = performance.now() - started;
  const r = await reply.result;
  return { ttftMs: ttft, totalMs: performance.now() - started, tokens: r.tokens };
}

async function runHf(): Promise<Sample> {
  const started = performance.now();
  let ttft = 0;
  const run = startGeneration(hfModel, { inputIds: promptIds, maxNewTokens: newTokens, timeBudgetMs: 10 * 60_000 }, () => {
    if (!ttft) ttft = performance.now() - started;
  }, "transformers");
  const out = await run.done;
  return { ttftMs: ttft, totalMs: performance.now() - started, tokens: out.tokens };
}

async function measured(kind: "hf" | "service", run: () => Promise<Sample>): Promise<Sample> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const s = await run();
  h.disable();
  loopDelay[kind].push(h.max / 1e6);
  return s;
}

// Warm-up (first runs pay for lazy initialisation), and the token count the bare loop must match:
// a real model may stop at end-of-turn before newTokens.
const warm = await runService();
await runHf();
await bareGreedy(bare, promptIds, warm.tokens);
const target = Math.max(1, warm.tokens);

for (let i = 0; i < reps; i++) {
  // Rotate the order so no contender always runs on a warmer cache.
  const order = [0, 1, 2].map((k) => (k + i) % 3);
  for (const k of order) {
    if (k === 0) samples.bare.push(await bareGreedy(bare, promptIds, target).then((r) => ({ ttftMs: r.ttftMs, totalMs: r.totalMs, tokens: r.tokens.length })));
    if (k === 1) samples.hf.push(await measured("hf", runHf));
    if (k === 2) samples.service.push(await measured("service", runService));
  }
}
clearInterval(sampler);

const row = (name: string, s: Sample[]) => {
  const tokens = median(s.map((x) => x.tokens));
  const total = median(s.map((x) => x.totalMs));
  const ttft = median(s.map((x) => x.ttftMs));
  const decodeTps = median(s.map((x) => (x.tokens - 1) / ((x.totalMs - x.ttftMs) / 1000)));
  const tps = median(s.map((x) => x.tokens / (x.totalMs / 1000)));
  console.log(`${name.padEnd(8)} ${String(tokens).padStart(6)} ${ttft.toFixed(1).padStart(9)} ${total.toFixed(1).padStart(9)} ${tps.toFixed(1).padStart(9)} ${decodeTps.toFixed(1).padStart(10)}`);
  return { tps, decodeTps };
};

console.log(`\nmodel    ${chatModel} (${status.source}, ${status.dtype}, ${mb(status.memoryBytes ?? 0)} of weights)`);
console.log(`prompt   ${promptIds.length} tokens; ${target} new tokens; ${reps} repetitions, medians; threads=${base.threads || "default"}`);
console.log(`load     ${status.loadMs} ms (service: tokenizer + worker thread + session); service loop: ${generationPath(hfModel)}`);
console.log(`memory   rss ${mb(rssAtStart)} at start, peak ${mb(peakRss)} (all threads; three copies of the model are loaded here)`);
console.log(`\nrun      tokens   ttft_ms  total_ms  tok/s e2e  tok/s decode`);
const b = row("bare", samples.bare);
const e = row("hf", samples.hf);
const s = row("service", samples.service);
console.log(`\nevent-loop delay (max per run, median): transformers.js in this thread ${median(loopDelay.hf).toFixed(1)} ms, service (worker) ${median(loopDelay.service).toFixed(1)} ms`);
console.log(`service/bare tokens/s ratio: ${(s.tps / b.tps).toFixed(3)} end-to-end, ${(s.decodeTps / b.decodeTps).toFixed(3)} decode (target >= 0.90)`);
console.log(`hf/bare      tokens/s ratio: ${(e.tps / b.tps).toFixed(3)} end-to-end, ${(e.decodeTps / b.decodeTps).toFixed(3)} decode (transformers.js generate() alone)`);

// --- what one decode step costs for 1 and 4 sequences, at a short and at the prompt's context ---
// (the onnxruntime session alone, zero-filled caches): the weights are read once per step whatever
// the batch, each sequence's KV cache is read (and, with a Concat-style cache, copied) per step.
const stepMs: Record<string, number> = {};
for (const context of [64, promptIds.length]) {
  for (const rows of [1, 4]) {
    const feeds: Record<string, import("onnxruntime-node").Tensor> = {};
    const ort = await import("onnxruntime-node");
    for (const meta of bare.inputMetadata) {
      if (!meta.name.startsWith("past_key_values.") || !meta.isTensor) continue;
      const [, heads, , dim] = meta.shape.map((d) => (typeof d === "number" ? d : 0));
      feeds[meta.name] = new ort.Tensor("float32", new Float32Array(rows * heads * context * dim), [rows, heads, context, dim]);
    }
    feeds.input_ids = new ort.Tensor("int64", new BigInt64Array(rows).fill(65n), [rows, 1]);
    feeds.attention_mask = new ort.Tensor("int64", new BigInt64Array(rows * (context + 1)).fill(1n), [rows, context + 1]);
    if (bare.inputNames.includes("position_ids")) feeds.position_ids = new ort.Tensor("int64", new BigInt64Array(rows).fill(BigInt(context)), [rows, 1]);
    await bare.run(feeds);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await bare.run(feeds);
      times.push(performance.now() - t0);
    }
    stepMs[`${rows}x${context}`] = median(times);
  }
}
console.log(`\ndecode step (session alone, median of 7): context ${64}: 1 sequence ${stepMs["1x64"].toFixed(1)} ms, 4 sequences ${stepMs["4x64"].toFixed(1)} ms (x${((4 * stepMs["1x64"]) / stepMs["4x64"]).toFixed(2)} tokens per ms); context ${promptIds.length}: 1 sequence ${stepMs[`1x${promptIds.length}`].toFixed(1)} ms, 4 sequences ${stepMs[`4x${promptIds.length}`].toFixed(1)} ms (x${((4 * stepMs[`1x${promptIds.length}`]) / stepMs[`4x${promptIds.length}`]).toFixed(2)})`);

await hfModel.dispose();
await runtime.dispose();
await bare.release();

// --- concurrency: n customers asking at once, through the service (continuous batching) ---
// Each reply has its own question. "same passages": customers of one business asking about the
// same topic (the FAQ passages and instructions are a shared prefix, computed once). "distinct
// passages": every reply grounded on passages no other reply has seen (only the instructions
// are shared), the worst case for time to first token, since prefilling is compute-bound.
const n = Number(values.concurrent ?? 4);
const concurrencyReps = quick ? 3 : reps;
const batched = new ModelRuntime({ ...runtimeConfig, concurrency: n });
await batched.ensureLoaded();
const questions = ["¿A qué hora abrís los sábados?", "¿Cuánto cuesta el envío?", "¿El envío es gratis en pedidos grandes?", "¿Abrís los domingos?", "¿Hasta qué hora abrís el viernes?", "¿Cuánto tarda un pedido en llegar?", "¿Tenéis horario de verano?", "¿Puedo recoger el pedido en tienda?"];
let unique = 0;
const distinctPassages = (): FaqPassage[] => {
  const k = ++unique;
  const words = ["tienda", "almacén", "oficina", "taller", "local", "centro", "punto", "mostrador"];
  return [
    { key: `hours-${k}`, question: `¿Cuál es el horario de la ${words[k % 8]} número ${"abcdefghij"[k % 10]}${"klmnopqrst"[Math.floor(k / 10) % 10]}?`, answer: `La ${words[(k + 3) % 8]} abre de lunes a viernes de 9:00 a 18:00 y los sábados de 10:00 a 14:00; caso ${"uvwxyz"[k % 6]}${"bcdfgh"[Math.floor(k / 6) % 6]}.` },
    passages[1],
  ];
};
interface Trial {
  ttftMs: number[];
  tokens: number;
  wallMs: number;
}
async function trial(count: number, grounding: "same" | "distinct"): Promise<Trial> {
  const started = performance.now();
  const replies = Array.from({ length: count }, async (_, i) => {
    const question = questions[(unique + i) % questions.length];
    const reply = generateReply({ runtime: batched, messages: [{ role: "customer", text: question }], passages: grounding === "same" ? passages : distinctPassages(), language: "es", maxNewTokens: newTokens, tenantId: `t${i}` });
    let ttft = 0;
    for await (const e of reply) if ((e.type === "chunk" || e.type === "replace") && !ttft) ttft = performance.now() - started;
    return { ttft, tokens: (await reply.result).tokens };
  });
  const done = await Promise.all(replies);
  unique += count;
  return { ttftMs: done.map((d) => d.ttft), tokens: done.reduce((a, d) => a + d.tokens, 0), wallMs: performance.now() - started };
}
await trial(n, "same"); // warm-up: the instructions' prefix is cached from here on, as on a running server
const concurrency: Record<string, { lone: Trial[]; together: Trial[] }> = {};
for (const grounding of ["same", "distinct"] as const) {
  const lone: Trial[] = [];
  const together: Trial[] = [];
  for (let i = 0; i < concurrencyReps; i++) {
    lone.push(await trial(1, grounding));
    together.push(await trial(n, grounding));
  }
  concurrency[grounding] = { lone, together };
}
await batched.dispose();
const summary = (g: string) => {
  const { lone, together } = concurrency[g];
  const single = median(lone.map((t) => t.tokens / (t.wallMs / 1000)));
  const aggregate = median(together.map((t) => t.tokens / (t.wallMs / 1000)));
  const loneTtft = median(lone.map((t) => t.ttftMs[0]));
  const worstTtft = median(together.map((t) => Math.max(...t.ttftMs)));
  return {
    singleTokensPerSecond: Number(single.toFixed(1)),
    aggregateTokensPerSecond: Number(aggregate.toFixed(1)),
    speedup: Number((aggregate / single).toFixed(2)),
    loneTtftMs: Number(loneTtft.toFixed(1)),
    slowestTtftMs: Number(worstTtft.toFixed(1)),
    ttftRatio: Number((worstTtft / loneTtft).toFixed(2)),
  };
};
const same = summary("same");
const distinct = summary("distinct");
console.log(`\nconcurrency (${n} replies at once vs one; ${concurrencyReps} repetitions, medians; aggregate tokens/s over the wall time of the slowest)`);
console.log(`grounding          tok/s one  tok/s ${n} together  speedup  ttft one  slowest ttft of ${n}  ratio`);
for (const [name, r] of [["same passages", same], ["distinct passages", distinct]] as const) {
  console.log(`${name.padEnd(18)} ${String(r.singleTokensPerSecond).padStart(9)}  ${String(r.aggregateTokensPerSecond).padStart(16)}  ${r.speedup.toFixed(2).padStart(7)}  ${r.loneTtftMs.toFixed(1).padStart(8)}  ${r.slowestTtftMs.toFixed(1).padStart(17)}  ${r.ttftRatio.toFixed(2).padStart(5)}`);
}
console.log(JSON.stringify({ model: synthetic ? "generated-25M" : quick ? "tiny" : chatModel, newTokens: target, serviceOverBare: Number((s.tps / b.tps).toFixed(3)), decodeStepMs: stepMs, concurrency: { n, ...same, distinctPassages: distinct } }));
if (tempDir) await rm(tempDir, { recursive: true, force: true });

// Body of the chat worker thread: owns the causal LM's onnxruntime session, so the forward
// passes (synchronous inside onnxruntime-node) never block the server's event loop. Protocol in
// worker-protocol.ts. Imports are relative: this file runs under tsx without the app's aliases.
import { parentPort } from "node:worker_threads";
import type { PreTrainedModel } from "@huggingface/transformers";
import { configureTransformers } from "./transformers-setup";
import { createGenerator, loadCausalLM, type Generator, type RunningGeneration } from "./token-generator";
import type { ToWorker, FromWorker } from "./worker-protocol";

const port = parentPort!;
let model: PreTrainedModel | null = null;
// Generations running at the same time share forward passes (batch-decoder.ts).
let generator: Generator | null = null;
const running = new Map<number, RunningGeneration>();
const send = (m: FromWorker) => port.postMessage(m);
const FLUSH_TOKENS = 8;
const FLUSH_MS = 20;

port.on("message", async (m: ToWorker) => {
  switch (m.type) {
    case "load":
      try {
        configureTransformers(m.setup);
        model = await loadCausalLM(m.model);
        generator = createGenerator(model, m.model);
        send({ type: "loaded" });
      } catch (e) {
        send({ type: "load_error", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    case "generate": {
      if (!model || !generator) return send({ type: "error", id: m.id, message: "chat model not loaded" });
      // Tokens go to the main thread in small batches: the first at once (time to first token),
      // then every FLUSH_TOKENS tokens or FLUSH_MS, whichever comes first. One message per token
      // cost more than a tiny model's forward pass.
      let buffer: number[] = [];
      let lastFlush = 0;
      let first = true;
      const flush = () => {
        if (buffer.length === 0) return;
        send({ type: "tokens", id: m.id, tokens: buffer });
        buffer = [];
        lastFlush = performance.now();
      };
      const run = generator.start(m.req, (token) => {
        buffer.push(token);
        if (first || buffer.length >= FLUSH_TOKENS || performance.now() - lastFlush >= FLUSH_MS) flush();
        first = false;
      });
      running.set(m.id, run);
      try {
        const outcome = await run.done;
        flush();
        send({ type: "done", id: m.id, outcome });
      } catch (e) {
        flush();
        send({ type: "error", id: m.id, message: e instanceof Error ? e.message : String(e) });
      } finally {
        running.delete(m.id);
      }
      return;
    }
    case "cancel":
      running.get(m.id)?.cancel();
      return;
    case "dispose":
      await model?.dispose();
      model = null;
      generator = null;
      send({ type: "disposed" });
      return;
  }
});

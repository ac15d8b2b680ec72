// Body of the chat worker thread: owns the causal LM's onnxruntime session, so the forward
// passes (synchronous inside onnxruntime-node) never block the server's event loop. Protocol in
// worker-protocol.ts. Imports are relative: this file runs under tsx without the app's aliases.
import { parentPort } from "node:worker_threads";
import type { PreTrainedModel } from "@huggingface/transformers";
import { configureTransformers } from "./transformers-setup";
import { loadCausalLM, startGeneration, type RunningGeneration } from "./token-generator";
import type { ToWorker, FromWorker } from "./worker-protocol";

const port = parentPort!;
let model: PreTrainedModel | null = null;
const running = new Map<number, RunningGeneration>();
const send = (m: FromWorker) => port.postMessage(m);

port.on("message", async (m: ToWorker) => {
  switch (m.type) {
    case "load":
      try {
        configureTransformers(m.setup);
        model = await loadCausalLM(m.model);
        send({ type: "loaded" });
      } catch (e) {
        send({ type: "load_error", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    case "generate": {
      if (!model) return send({ type: "error", id: m.id, message: "chat model not loaded" });
      const run = startGeneration(model, m.req, (token) => send({ type: "token", id: m.id, token }));
      running.set(m.id, run);
      try {
        send({ type: "done", id: m.id, outcome: await run.done });
      } catch (e) {
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
      send({ type: "disposed" });
      return;
  }
});

// ChatEngine backed by a worker thread (chat-worker.mjs). onnxruntime-node runs each forward
// pass synchronously on the calling thread (its async run() is a setImmediate wrapper), so a
// real model in the server thread would freeze sockets for the length of every step.
import { Worker } from "node:worker_threads";
import type { ChatEngine } from "./chat-engine";
import { withAbort } from "./chat-engine";
import type { GenerationOutcome, LoadChatOptions } from "./token-generator";
import type { TransformersSetup } from "./transformers-setup";
import type { FromWorker, ToWorker } from "./worker-protocol";

interface Pending {
  onToken: (id: number) => void;
  resolve: (o: GenerationOutcome) => void;
  reject: (e: Error) => void;
}

export async function createWorkerEngine(setup: TransformersSetup, model: LoadChatOptions, onCrash?: (message: string) => void): Promise<ChatEngine> {
  // Not the literal `new Worker(new URL("…", import.meta.url))` form on purpose: Next's bundler
  // would try to bundle the worker into route chunks. The runtime is created by the custom server
  // (plain Node + tsx), and route handlers share it through globalThis (runtime.ts).
  const entry = "./chat-worker.mjs";
  const worker = new Worker(new URL(entry, import.meta.url));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: string | null = null;
  const post = (m: ToWorker) => worker.postMessage(m);

  const failAll = (message: string) => {
    dead = message;
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    worker.once("error", onError);
    worker.on("message", function onLoad(m: FromWorker) {
      if (m.type !== "loaded" && m.type !== "load_error") return;
      worker.off("message", onLoad);
      worker.off("error", onError);
      if (m.type === "loaded") resolve();
      else reject(new Error(m.message));
    });
    post({ type: "load", setup, model });
  }).catch(async (e) => {
    await worker.terminate();
    throw e;
  });

  worker.on("message", (m: FromWorker) => {
    if (m.type === "tokens") {
      const p = pending.get(m.id);
      if (p) for (const t of m.tokens) p.onToken(t);
    }
    else if (m.type === "done" || m.type === "error") {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === "done") p?.resolve(m.outcome);
      else p?.reject(new Error(m.message));
    }
  });
  worker.on("error", (e) => {
    failAll(`chat worker crashed: ${e.message}`);
    onCrash?.(dead!);
  });
  worker.on("exit", (code) => {
    if (dead) return;
    failAll(`chat worker exited (code ${code})`);
    onCrash?.(dead!);
  });
  // An idle worker must not keep a finished CLI or test process alive; a busy one must.
  worker.unref();
  const settle = <T>(p: Promise<T>) =>
    p.finally(() => {
      if (pending.size === 0) worker.unref();
    });

  return {
    kind: "worker",
    generate(req, onToken, signal) {
      if (dead) return Promise.reject(new Error(dead));
      const id = nextId++;
      worker.ref();
      const run = new Promise<GenerationOutcome>((resolve, reject) => {
        pending.set(id, { onToken, resolve, reject });
        post({ type: "generate", id, req });
      });
      return settle(withAbort(signal, () => post({ type: "cancel", id }), run));
    },
    async dispose() {
      if (dead) return;
      dead = "chat worker disposed";
      // Keep the process alive until the worker has answered (an idle worker is unref'd).
      worker.ref();
      await new Promise<void>((resolve) => {
        worker.on("message", (m: FromWorker) => m.type === "disposed" && resolve());
        post({ type: "dispose" });
        setTimeout(resolve, 2000).unref();
      });
      await worker.terminate();
    },
  };
}

// Messages between the main thread (worker-engine.ts) and the chat worker (chat-worker-main.ts).
import type { GenerationOutcome, GenerationRequest, LoadChatOptions } from "./token-generator";
import type { TransformersSetup } from "./transformers-setup";

export type ToWorker =
  | { type: "load"; setup: TransformersSetup; model: LoadChatOptions }
  | { type: "generate"; id: number; req: GenerationRequest }
  | { type: "cancel"; id: number }
  | { type: "dispose" };

export type FromWorker =
  | { type: "loaded" }
  | { type: "load_error"; message: string }
  | { type: "tokens"; id: number; tokens: number[] }
  | { type: "done"; id: number; outcome: GenerationOutcome }
  | { type: "error"; id: number; message: string }
  | { type: "disposed" };

// Public surface of the local model runtime (transformers.js on onnxruntime-node): the process
// registry, the reply generator used by the chat, and the shapes /api/health shows.
// (No "server-only" import: server.ts loads this module under plain Node, where that package throws.)

export { getModelRuntime, setModelRuntime, ModelRuntime, runtimeConfigFromEnv, type LoadedChat, type ChatEngineFactory } from "./runtime";
export { generateReply, type GenerateReplyInput, type ReplyEvent, type ReplyHandle, type ReplyReason, type ReplyResult } from "./generate-reply";
export type { DownloadProgress, ModelHealth, ModelRole, ModelRuntimeConfig, ModelState, ModelStatus } from "./model-status";
export { DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL } from "./defaults";
export type { ConversationMessage, FaqPassage } from "./prompt";
export { checkGrounding } from "./grounding-guard";

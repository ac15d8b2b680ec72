// Shared set-up for the model runtime tests: tiny models in a temp dir, runtimes over them.
import type { ModelRuntimeConfig } from "@/lib/models/model-status";
import type { ReplyEvent, ReplyHandle } from "@/lib/models/generate-reply";
import type { FaqPassage } from "@/lib/models/prompt";

export function runtimeConfig(over: Partial<ModelRuntimeConfig>): ModelRuntimeConfig {
  return {
    chatModel: "",
    embeddingModel: "",
    modelsDir: "/nonexistent-models-dir",
    allowRemoteModels: false,
    dtype: "q8",
    threads: 1,
    concurrency: 1,
    queueLimit: 20,
    maxNewTokens: 24,
    timeBudgetMs: 20_000,
    useWorker: true,
    ...over,
  };
}

export const HOURS: FaqPassage = {
  key: "hours",
  question: "¿Cuál es el horario de atención?",
  answer: "Abrimos de lunes a viernes de 9:00 a 18:00.",
};

export const ASK_HOURS = [{ role: "customer" as const, text: "¿A qué hora abrís el lunes?" }];

export async function collect(reply: ReplyHandle): Promise<ReplyEvent[]> {
  const events: ReplyEvent[] = [];
  for await (const e of reply) events.push(e);
  return events;
}

export const chunks = (events: ReplyEvent[]) => events.flatMap((e) => (e.type === "chunk" ? [e.text] : []));

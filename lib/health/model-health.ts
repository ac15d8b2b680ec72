// Model state for /api/health and the admin page: which models are loaded, from where, load time
// and memory, download progress. Without a chat model the bot answers verbatim from the FAQ
// ("faq-only"): that is a supported mode, so it is not "degraded", nor is a built-in default model
// that is still downloading or cannot be fetched (no network, ALLOW_REMOTE_MODELS=false). A model
// someone configured that is missing, and any model that is broken, are.
import { getModelRuntime, type ModelStatus } from "@/lib/models";

export function isDegraded(models: ModelStatus[]): boolean {
  return models.some((m) => m.state === "error" || (m.state === "unavailable" && !m.isDefault));
}

export async function modelHealth(): Promise<{ mode: "generative" | "faq-only"; degraded: boolean; models: ModelStatus[] }> {
  const runtime = getModelRuntime();
  const models = runtime.status();
  return {
    mode: runtime.chatAvailable() ? "generative" : "faq-only",
    degraded: isDegraded(models),
    models,
  };
}

// Model state for /api/health and the admin page: which models are loaded, from where, load time
// and memory. Without a chat model the bot answers verbatim from the FAQ ("faq-only"): that is a
// supported mode, so it is not "degraded"; a configured model that failed to load is.
import { getModelRuntime, type ModelStatus } from "@/lib/models";

export async function modelHealth(): Promise<{ mode: "generative" | "faq-only"; degraded: boolean; models: ModelStatus[] }> {
  const runtime = getModelRuntime();
  const models = runtime.status();
  return {
    mode: runtime.chatAvailable() ? "generative" : "faq-only",
    degraded: models.some((m) => m.state === "error"),
    models,
  };
}

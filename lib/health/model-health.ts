// Model state for health and the admin page. Until the model runtime is wired (lib/models), the
// bot runs in model-free mode: answers verbatim from the FAQ.
export async function modelHealth(): Promise<{ mode: "generative" | "faq-only"; degraded: boolean; models: unknown[] }> {
  return { mode: "faq-only", degraded: false, models: [] };
}

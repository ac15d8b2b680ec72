// The model runtime's state for admins: which chat / embedding model is loaded, and when one is
// missing or broken, which and why. Without a chat model the bot answers verbatim from the FAQ.
import type { modelHealth } from "@/lib/health/model-health";
import { Card } from "./ui";

export type ModelHealthView = Awaited<ReturnType<typeof modelHealth>>;

const STATE_STYLE: Record<string, string> = {
  ready: "bg-green-100 text-green-800",
  loading: "bg-blue-100 text-blue-800",
  disabled: "bg-slate-100 text-slate-700",
  error: "bg-red-100 text-red-800",
};

const ROLE_LABEL = { chat: "Chat model (writes replies)", embedding: "Embedding model (understands questions)" } as const;

export function ModelHealthCard({ health }: { health: ModelHealthView | null }) {
  return (
    <Card title="Model runtime" testId="model-health">
      {!health ? (
        <p className="text-sm text-slate-500">The server is still starting; the model state will show in a moment.</p>
      ) : (
        <div className="space-y-3 text-sm">
          <p>
            {health.mode === "generative"
              ? "Replies are written by the chat model from the matched FAQ answer."
              : "No chat model is loaded: the bot answers with the FAQ answer verbatim (a supported mode)."}
            {health.degraded && <span className="ml-1 font-medium text-red-700">A configured model failed to load.</span>}
          </p>
          <ul className="space-y-2">
            {health.models.map((m) => (
              <li key={m.role} className="rounded-md border border-slate-200 p-2" data-testid={`model-${m.role}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{ROLE_LABEL[m.role]}</span>
                  <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[m.state] ?? ""}`}>{m.state === "disabled" ? "not configured" : m.state}</span>
                  {m.id && <span className="font-mono text-xs text-slate-500">{m.id}</span>}
                </div>
                {m.error && <p className="mt-1 text-red-700">{m.error}</p>}
                {m.state === "disabled" && !m.error && (
                  <p className="mt-1 text-slate-500">{m.role === "chat" ? "Set CHAT_MODEL to enable generated replies." : "Set EMBEDDING_MODEL for better matching of reworded questions; training uses word features without it."}</p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

"use client";
// The model runtime's state for admins: which chat / embedding model is used (the built-in
// default or a configured one), how far its first download has come, and when one is missing or
// broken, what that means for the bot (in an admin's words) and, on a line for the server's
// operator, which and why (lib/admin/model-health-text.ts). Without a chat model the bot answers
// verbatim from the FAQ. While a
// model downloads or loads, the card asks the server again every few seconds.
import { useEffect, useState } from "react";
import type { modelHealth } from "@/lib/health/model-health";
import type { ModelStatus } from "@/lib/models/model-status";
import { modelStateText, replyModeText } from "@/lib/admin/model-health-text";
import { api } from "./api";
import { Card } from "./ui";

export type ModelHealthView = Awaited<ReturnType<typeof modelHealth>>;

const STATE_STYLE: Record<string, string> = {
  ready: "bg-green-100 text-green-800",
  downloading: "bg-blue-100 text-blue-800",
  loading: "bg-blue-100 text-blue-800",
  disabled: "bg-slate-100 text-slate-700",
  unavailable: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-800",
};

const ROLE_LABEL = { chat: "Language model (rewords replies)", embedding: "Embedding model (understands questions)" } as const;
const POLL_MS = 3000;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function stateLabel(m: ModelStatus): string {
  if (m.state === "disabled") return "turned off";
  if (m.state === "downloading" && m.download?.totalBytes) return `downloading ${Math.floor((100 * m.download.receivedBytes) / m.download.totalBytes)} %`;
  return m.state;
}

function Download({ m }: { m: ModelStatus }) {
  const d = m.download;
  if (!d) return <p className="mt-1 text-slate-600">Asking the model hub which files to fetch…</p>;
  return (
    <div className="mt-1 space-y-1 text-slate-600" data-testid={`model-${m.role}-download`}>
      {d.totalBytes ? <progress className="h-2 w-full" max={d.totalBytes} value={d.receivedBytes} /> : null}
      <p>
        {mb(d.receivedBytes)}
        {d.totalBytes ? ` of ${mb(d.totalBytes)}` : ""} from {d.host}
        {d.filesTotal ? ` · file ${Math.min(d.filesDone + 1, d.filesTotal)} of ${d.filesTotal}` : ""}
        {d.file ? ` (${d.file})` : ""}. Every file is checked before use; the bot answers meanwhile.
      </p>
      {d.retries > 0 && (
        <p className="text-amber-800">
          {d.retries} transfer{d.retries === 1 ? "" : "s"} fetched again ({d.lastProblem}).
        </p>
      )}
    </div>
  );
}

function ModelRow({ m }: { m: ModelStatus }) {
  const text = modelStateText(m);
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid={`model-${m.role}`} data-state={m.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{ROLE_LABEL[m.role]}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[m.state] ?? ""}`}>{stateLabel(m)}</span>
        {m.id && <span className="font-mono text-xs text-slate-500">{m.id}</span>}
        {m.isDefault && <span className="text-xs text-slate-500">(default)</span>}
      </div>
      {m.state === "downloading" && <Download m={m} />}
      {m.state === "ready" && (
        <p className="mt-1 text-slate-500">
          {[m.source === "local" ? "from its folder" : "from MODELS_DIR", m.dtype, m.memoryBytes ? mb(m.memoryBytes) : null, m.loadMs !== undefined ? `loaded in ${(m.loadMs / 1000).toFixed(1)} s` : null].filter(Boolean).join(" · ")}
        </p>
      )}
      {text.admin && (
        <p className={`mt-1 ${m.state === "error" ? "text-red-700" : m.state === "unavailable" ? "text-amber-900" : "text-slate-600"}`} data-testid={`model-${m.role}-meaning`}>
          {text.admin}
        </p>
      )}
      {text.operator && (
        <p className="mt-1 text-xs text-slate-500" data-testid={`model-${m.role}-operator`}>
          <span className="font-medium">For your server operator:</span> {text.operator}
        </p>
      )}
    </li>
  );
}

export function ModelHealthCard({ health: initial }: { health: ModelHealthView | null }) {
  const [health, setHealth] = useState(initial);
  const busy = !health || health.models.some((m) => m.state === "downloading" || m.state === "loading");

  useEffect(() => {
    if (!busy) return;
    let stopped = false;
    const timer = setInterval(() => {
      api<{ health: ModelHealthView }>("/api/admin/models/health")
        .then((r) => !stopped && setHealth(r.health))
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [busy]);

  const chat = health?.models.find((m) => m.role === "chat");
  return (
    <Card title="Model runtime" testId="model-health">
      {!health ? (
        <p className="text-sm text-slate-500">The server is still starting; the model state will show in a moment.</p>
      ) : (
        <div className="space-y-3 text-sm">
          <p>
            {replyModeText(health.mode, chat)}
            {health.degraded && <span className="ml-1 font-medium text-red-700">A configured model is missing or failed to load.</span>}
          </p>
          <ul className="space-y-2">
            {health.models.map((m) => (
              <ModelRow key={m.role} m={m} />
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

// The Training & models page's state: the model versions, the live one and the latest training
// run. A run is followed live (Socket.IO `training:progress` on /agent) with polling as a fallback,
// so a reload mid-run still shows it; training, cancelling and publishing go through the admin API
// (useApiCall: the page's error line and busy flag).
"use client";

import { useCallback, useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { AgentToServerEvents, ServerToAgentEvents } from "@/lib/handoff/agent-protocol";
import { api } from "../api";
import { useApiCall } from "../use-api-call";
import type { ModelVersionView, TrainingRunView } from "./types";

export interface ModelsState {
  versions: ModelVersionView[];
  activeModelId: string | null;
  run: TrainingRunView | null;
}

type ProgressEvent = Parameters<ServerToAgentEvents["training:progress"]>[0];

export const isRunActive = (run: TrainingRunView | null) => run?.status === "queued" || run?.status === "running";

/** Live events and polled rows arrive in any order: a run never goes back in status or progress. */
export function mergeRun(prev: TrainingRunView | null, next: TrainingRunView): TrainingRunView {
  if (!prev || prev.id !== next.id) return next;
  if (!isRunActive(prev) && isRunActive(next)) return prev;
  if (isRunActive(next) && next.progress < prev.progress) return { ...next, progress: prev.progress, phase: prev.phase };
  return { ...prev, ...next, faqVersionNumber: next.faqVersionNumber ?? prev.faqVersionNumber };
}

/** The run as a progress event describes it (a run first seen through its events starts queued). */
function runFromEvent(current: TrainingRunView | null, p: ProgressEvent): TrainingRunView {
  const base: TrainingRunView =
    current?.id === p.runId ? current : { id: p.runId, faqVersionNumber: null, createdAt: new Date().toISOString(), finishedAt: null, modelVersionId: null, error: null, phase: null, progress: 0, status: "queued" };
  return { ...base, status: p.status, phase: p.phase, progress: p.progress, error: p.error ?? null, modelVersionId: p.modelVersionId ?? base.modelVersionId };
}

export function useModels(initial: ModelsState) {
  const [state, setState] = useState(initial);
  const [selected, setSelected] = useState<string | null>(initial.versions[0]?.id ?? null);
  const { error, busy, run } = useApiCall();
  const [notice, setNotice] = useState<string | null>(null);
  const running = isRunActive(state.run);

  const refresh = useCallback(async () => {
    const next = await api<ModelsState>("/api/admin/models");
    setState(next);
    return next;
  }, []);

  /** Shows the model a finished run produced, with the versions as they are now. */
  const showNewModel = useCallback((modelVersionId: string | null | undefined) => void refresh().then(() => modelVersionId && setSelected(modelVersionId)), [refresh]);

  // Live progress from the server; the run row in the database is the fallback (polled below).
  useEffect(() => {
    const socket: Socket<ServerToAgentEvents, AgentToServerEvents> = io("/agent", { transports: ["websocket", "polling"] });
    socket.on("training:progress", (p) => {
      setState((s) => ({ ...s, run: mergeRun(s.run, runFromEvent(s.run, p)) }));
      if (p.status === "succeeded") showNewModel(p.modelVersionId);
    });
    socket.on("model:published", () => void refresh());
    return () => {
      socket.off();
      socket.close();
    };
  }, [refresh, showNewModel]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void api<{ run: TrainingRunView | null }>("/api/admin/training")
        .then(({ run }) => {
          if (run) setState((s) => ({ ...s, run: mergeRun(s.run, run) }));
          if (run?.status === "succeeded") showNewModel(run.modelVersionId);
        })
        .catch(() => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [running, showNewModel]);

  const train = async () => {
    setNotice(null);
    const started = await run(() => api<{ run: TrainingRunView }>("/api/admin/training", { body: {} }));
    if (started) setState((s) => ({ ...s, run: mergeRun(s.run, started.run) }));
  };

  const cancel = () => run(() => api("/api/admin/training", { method: "DELETE" }));

  const publish = (v: ModelVersionView) =>
    run(async () => {
      await api(`/api/admin/models/${encodeURIComponent(v.id)}/publish`, { body: {} });
      await refresh();
      setNotice(`Model v${v.number} is live.`);
    });

  return { state, running, selected, setSelected, error, notice, busy, train, cancel, publish };
}

// The Training & models page's state: the model versions, the live one and the latest training
// run. A run is followed live (Socket.IO `training:progress` on /agent) with polling as a fallback,
// so a reload mid-run still shows it; training, cancelling and publishing go through the admin API
// (useApiCall: the page's error line and busy flag).
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { AgentToServerEvents, ServerToAgentEvents } from "@/lib/handoff/agent-protocol";
import { api } from "../api";
import { useApiCall } from "../use-api-call";
import type { ModelVersionView, TrainingRunView } from "./types";
import { finishedRunState, isRunActive, mergeRun, type ModelsState } from "./training-state";

export { isRunActive, mergeRun, type ModelsState } from "./training-state";

type ProgressEvent = Parameters<ServerToAgentEvents["training:progress"]>[0];

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

  /**
   * A run succeeded: the versions are fetched first, then the run's "Done", the new version's row
   * and its report appear together (the run stays at its last phase meanwhile), so the page never
   * shows "Done" next to a versions list from before the run.
   */
  const finishing = useRef<string | null>(null);
  const showNewModel = useCallback((finished: (current: TrainingRunView | null) => TrainingRunView, runId: string, modelVersionId: string | null | undefined) => {
    if (finishing.current === runId) return;
    finishing.current = runId;
    void api<ModelsState>("/api/admin/models")
      .catch(() => null)
      .then((fetched) => {
        setState((s) => finishedRunState(s, finished(s.run), fetched));
        if (fetched && modelVersionId) setSelected(modelVersionId);
      });
  }, []);

  // Live progress from the server; the run row in the database is the fallback (polled below).
  useEffect(() => {
    const socket: Socket<ServerToAgentEvents, AgentToServerEvents> = io("/agent", { transports: ["websocket", "polling"] });
    socket.on("training:progress", (p) => {
      if (p.status === "succeeded") showNewModel((current) => runFromEvent(current, p), p.runId, p.modelVersionId);
      else setState((s) => ({ ...s, run: mergeRun(s.run, runFromEvent(s.run, p)) }));
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
          if (run?.status === "succeeded") showNewModel(() => run, run.id, run.modelVersionId);
          else if (run) setState((s) => ({ ...s, run: mergeRun(s.run, run) }));
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

"use client";
// The Training & models page: start a training run and watch it live (Socket.IO `training:progress`
// on /agent, with polling as a fallback so a reload mid-run still shows it), read each version's
// evaluation report, try versions in the test console, publish one or roll back to an earlier one.
import { useCallback, useEffect, useState } from "react";
import { io } from "socket.io-client";
import { api, ApiError, pct } from "../api";
import { Button, Card, Notice, Table } from "../ui";
import { EvaluationReportView } from "./evaluation-report";
import { TestConsole } from "./test-console";
import { PHASE_LABEL, type ModelVersionView, type TrainingRunView } from "./types";

interface ModelsState {
  versions: ModelVersionView[];
  activeModelId: string | null;
  run: TrainingRunView | null;
}

interface ProgressEvent {
  runId: string;
  status: string;
  phase: string | null;
  progress: number;
  error?: string | null;
  modelVersionId?: string | null;
}

const active = (run: TrainingRunView | null) => run?.status === "queued" || run?.status === "running";

/** Live events and polled rows arrive in any order: a run never goes back in status or progress. */
function mergeRun(prev: TrainingRunView | null, next: TrainingRunView): TrainingRunView {
  if (!prev || prev.id !== next.id) return next;
  if (!active(prev) && active(next)) return prev;
  if (active(next) && next.progress < prev.progress) return { ...next, progress: prev.progress, phase: prev.phase };
  return { ...prev, ...next, faqVersionNumber: next.faqVersionNumber ?? prev.faqVersionNumber };
}

export function ModelsConsole({ initial, latestFaq, questions }: { initial: ModelsState; latestFaq: { id: string; number: number } | null; questions: Record<string, string> }) {
  const [state, setState] = useState(initial);
  const [selected, setSelected] = useState<string | null>(initial.versions[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = state.run;

  const refresh = useCallback(async () => {
    const next = await api<ModelsState>("/api/admin/models");
    setState(next);
    return next;
  }, []);

  // Live progress from the server; the run row in the database is the fallback (polled below).
  useEffect(() => {
    const socket = io("/agent", { transports: ["websocket", "polling"] });
    socket.on("training:progress", (p: ProgressEvent) => {
      setState((s) => {
        const base: TrainingRunView = s.run?.id === p.runId ? s.run : { id: p.runId, faqVersionNumber: null, createdAt: new Date().toISOString(), finishedAt: null, modelVersionId: null, error: null, phase: null, progress: 0, status: "queued" };
        return { ...s, run: mergeRun(s.run, { ...base, status: p.status, phase: p.phase, progress: p.progress, error: p.error ?? null, modelVersionId: p.modelVersionId ?? base.modelVersionId }) };
      });
      if (p.status === "succeeded") {
        void refresh().then(() => p.modelVersionId && setSelected(p.modelVersionId));
      }
    });
    socket.on("model:published", () => void refresh());
    return () => {
      socket.off();
      socket.close();
    };
  }, [refresh]);

  const running = active(run);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void api<{ run: TrainingRunView | null }>("/api/admin/training")
        .then(({ run: r }) => {
          if (r) setState((s) => ({ ...s, run: mergeRun(s.run, r) }));
          if (r?.status === "succeeded") void refresh().then(() => r.modelVersionId && setSelected(r.modelVersionId));
        })
        .catch(() => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [running, refresh]);

  async function train() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { run: started } = await api<{ run: TrainingRunView }>("/api/admin/training", { body: {} });
      setState((s) => ({ ...s, run: mergeRun(s.run, started) }));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    try {
      await api("/api/admin/training", { method: "DELETE" });
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  async function publish(v: ModelVersionView) {
    const live = state.versions.find((x) => x.live);
    const rollback = live && live.number > v.number;
    const question = rollback
      ? `Roll back to model v${v.number}? Customers will get answers from FAQ v${v.faqVersionNumber} from their next message on.`
      : `Publish model v${v.number}? Customers will get answers from FAQ v${v.faqVersionNumber} from their next message on.`;
    if (!window.confirm(question)) return;
    setError(null);
    try {
      await api(`/api/admin/models/${encodeURIComponent(v.id)}/publish`, { body: {} });
      await refresh();
      setNotice(`Model v${v.number} is live.`);
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  const shown = state.versions.find((v) => v.id === selected) ?? null;
  const stale = latestFaq && state.versions[0] && state.versions[0].faqVersionNumber !== latestFaq.number;

  return (
    <>
      <Card
        title="Training"
        testId="training"
        actions={
          <>
            <Button variant="primary" onClick={() => void train()} disabled={busy || running || !latestFaq} data-testid="train">
              {running ? "Training…" : latestFaq ? `Train on FAQ v${latestFaq.number}` : "Train"}
            </Button>
            {running && <Button onClick={() => void cancel()}>Cancel</Button>}
          </>
        }
      >
        {!latestFaq && (
          <p className="text-sm text-slate-600">
            Upload an FAQ first on the <a className="text-blue-700 underline" href="/admin/faq">FAQ page</a>.
          </p>
        )}
        {latestFaq && !run && <p className="text-sm text-slate-600">Training builds a model from your FAQ and tests it on reworded questions. It takes from seconds to a few minutes.</p>}
        {stale && !running && <p className="mb-2 text-sm text-amber-800">FAQ v{latestFaq!.number} has not been trained yet.</p>}
        {run && <RunProgress run={run} />}
        {error && (
          <div className="mt-3">
            <Notice kind="error">{error}</Notice>
          </div>
        )}
        {notice && (
          <div className="mt-3">
            <Notice kind="success" testId="publish-notice">
              {notice}
            </Notice>
          </div>
        )}
      </Card>

      <Card title="Model versions" testId="model-versions">
        {state.versions.length === 0 ? (
          <p className="text-sm text-slate-500">No trained models yet.</p>
        ) : (
          <Table columns={["Model", "FAQ", "Accuracy", "Answered", "Trained", "Status", ""]}>
              {state.versions.map((v) => {
                const live = state.versions.find((x) => x.live);
                return (
                  <tr key={v.id} className={v.id === selected ? "bg-blue-50/50" : ""} data-testid="model-version" data-live={v.live ? "true" : "false"} data-number={v.number}>
                    <td className="p-1.5 font-medium">
                      v{v.number} <span className="text-xs text-slate-400">{v.kind}</span>
                    </td>
                    <td className="p-1.5">v{v.faqVersionNumber}</td>
                    <td className="p-1.5">{pct(v.evaluation?.inScopeAccuracy)}</td>
                    <td className="p-1.5">{pct(v.evaluation?.conversation?.ownPhrasings.directAnswer ?? v.evaluation?.answeredShare)}</td>
                    <td className="p-1.5 text-slate-600">{new Date(v.createdAt).toLocaleString()}</td>
                    <td className="p-1.5">{v.live ? <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-800">Live</span> : <span className="text-xs text-slate-500">ready</span>}</td>
                    <td className="flex justify-end gap-2 p-1.5">
                      <Button onClick={() => setSelected(v.id)} data-testid="show-report">
                        Report
                      </Button>
                      {!v.live && (
                        <Button variant="primary" onClick={() => void publish(v)} data-testid="publish">
                          {live && live.number > v.number ? "Roll back to this" : "Publish"}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
          </Table>
        )}
      </Card>

      {shown && (
        <Card title={`Evaluation report — model v${shown.number}${shown.live ? " (live)" : ""}`}>
          {shown.evaluation ? (
            <EvaluationReportView report={shown.evaluation} threshold={shown.calibration?.answerThreshold ?? null} target={shown.calibration?.targetWrongRate ?? null} questions={questions} />
          ) : (
            <p className="text-sm text-slate-500">This version has no evaluation report.</p>
          )}
        </Card>
      )}

      <TestConsole versions={state.versions} />
    </>
  );
}

function RunProgress({ run }: { run: TrainingRunView }) {
  const value = Math.round((run.status === "succeeded" ? 1 : run.progress) * 100);
  const phase = run.status === "failed" ? "Failed" : run.status === "succeeded" ? "Done" : (PHASE_LABEL[run.phase ?? "queued"] ?? run.phase ?? "Working");
  const bar = run.status === "failed" ? "bg-red-500" : run.status === "succeeded" ? "bg-green-500" : "bg-blue-600";
  return (
    <div className="space-y-2" data-testid="training-run" data-status={run.status}>
      <div className="flex justify-between text-sm">
        <span data-testid="training-phase">
          {phase}
          {run.faqVersionNumber ? ` · FAQ v${run.faqVersionNumber}` : ""}
        </span>
        <span>{value}%</span>
      </div>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label="Training progress" className="h-3 w-full overflow-hidden rounded-full bg-slate-200" data-testid="training-progress">
        <div className={`h-full ${bar} transition-[width] duration-300`} style={{ width: `${value}%` }} />
      </div>
      {run.status === "failed" && (
        <Notice kind="error" testId="training-error">
          {run.error ?? "Training failed."}
          {run.error?.includes("published model is unchanged") ? "" : " The published model is unchanged."}
        </Notice>
      )}
      {run.status === "succeeded" && <p className="text-sm text-green-800">Training finished. Read the report below and try it in the test console; publish it when it does better than the live version.</p>}
    </div>
  );
}

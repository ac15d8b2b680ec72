"use client";
// The Training & models page: start a training run and watch it live, read each version's
// evaluation report, try versions in the test console, publish one or roll back to an earlier one.
// State and API calls: use-models.ts; the pieces: training-card, versions-table, run-progress,
// evaluation-report, test-console.
import { Card } from "../ui";
import { EvaluationReportView } from "./evaluation-report";
import { TestConsole } from "./test-console";
import { TrainingCard } from "./training-card";
import { VersionsTable } from "./versions-table";
import type { ModelVersionView } from "./types";
import { useModels, type ModelsState } from "./use-models";
import { useConfirm } from "../confirm-dialog";
import { publishConfirmation } from "./publish-confirmation";
import { isFaqStale } from "./training-state";

export function ModelsConsole({
  initial,
  latestFaq,
  questions,
  languages,
}: {
  initial: ModelsState;
  latestFaq: { id: string; number: number } | null;
  questions: Record<string, string>;
  /** Entry key → language code of the latest FAQ. */
  languages: Record<string, string>;
}) {
  const { state, running, selected, setSelected, error, notice, busy, train, cancel, publish } = useModels(initial);

  const { confirm, dialog } = useConfirm();

  async function confirmAndPublish(v: ModelVersionView, trigger: HTMLElement) {
    const live = state.versions.find((x) => x.live) ?? null;
    if (!(await confirm(publishConfirmation(v, live), trigger))) return;
    await publish(v);
  }

  const shown = state.versions.find((v) => v.id === selected) ?? null;
  const stale = isFaqStale(latestFaq, state.versions, state.run);

  return (
    <>
      <TrainingCard latestFaq={latestFaq} run={state.run} running={running} stale={stale} busy={busy} error={error} notice={notice} onTrain={() => void train()} onCancel={() => void cancel()} />

      <Card title="Model versions" testId="model-versions">
        {state.versions.length === 0 ? (
          <p className="text-sm text-slate-500">No trained models yet.</p>
        ) : (
          <VersionsTable versions={state.versions} selected={selected} onSelect={setSelected} onPublish={(v, trigger) => void confirmAndPublish(v, trigger)} />
        )}
      </Card>

      {shown && (
        <Card title={`Evaluation report — model v${shown.number}${shown.live ? " (live)" : ""}`}>
          {shown.evaluation ? (
            <EvaluationReportView report={shown.evaluation} threshold={shown.calibration?.answerThreshold ?? null} target={shown.calibration?.targetWrongRate ?? null} questions={questions} languages={languages} />
          ) : (
            <p className="text-sm text-slate-500">This version has no evaluation report.</p>
          )}
        </Card>
      )}

      <TestConsole versions={state.versions} />
      {dialog}
    </>
  );
}

// A training run's phase and progress bar, and what to do when it failed or finished.
import { Notice } from "../ui";
import { PHASE_LABEL, type TrainingRunView } from "./types";

export function RunProgress({ run }: { run: TrainingRunView }) {
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

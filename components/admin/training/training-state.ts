// Pure pieces of the Training page's state (use-models.ts): whether the latest FAQ still needs a
// model, and the page's state once a run has finished, taken in one step from the run event and
// the versions as the server lists them, so "Done" never shows next to a versions table (and a
// "not trained yet" note) from before the run.
import type { ModelVersionView, TrainingRunView } from "./types";

export interface ModelsState {
  versions: ModelVersionView[];
  activeModelId: string | null;
  run: TrainingRunView | null;
}

export const isRunActive = (run: TrainingRunView | null) => run?.status === "queued" || run?.status === "running";

/** Live events and polled rows arrive in any order: a run never goes back in status or progress. */
export function mergeRun(prev: TrainingRunView | null, next: TrainingRunView): TrainingRunView {
  if (!prev || prev.id !== next.id) return next;
  if (!isRunActive(prev) && isRunActive(next)) return prev;
  if (isRunActive(next) && next.progress < prev.progress) return { ...next, progress: prev.progress, phase: prev.phase };
  return { ...prev, ...next, faqVersionNumber: next.faqVersionNumber ?? prev.faqVersionNumber };
}

/**
 * The latest FAQ version has no model yet: the newest model was trained on another version. Not
 * while a run is on its way, nor when the last run just produced a model for it (the versions list
 * may not show that model yet).
 */
export function isFaqStale(latestFaq: { number: number } | null, versions: Pick<ModelVersionView, "faqVersionNumber">[], run: TrainingRunView | null): boolean {
  if (!latestFaq || versions.length === 0) return false;
  if (versions.some((v) => v.faqVersionNumber === latestFaq.number)) return false;
  if (isRunActive(run)) return false;
  if (run?.status === "succeeded" && run.faqVersionNumber === latestFaq.number) return false;
  return true;
}

/**
 * The page's state after a run succeeded: the run as its last event says (merged with what the
 * page knew), with the versions and live model as the server listed them after it (`fetched`;
 * null when that request failed, and the versions then stay as they were).
 */
export function finishedRunState(current: ModelsState, finished: TrainingRunView, fetched: ModelsState | null): ModelsState {
  const run = mergeRun(current.run, finished);
  if (!fetched) return { ...current, run };
  return { ...fetched, run: fetched.run ? mergeRun(run, fetched.run) : run };
}

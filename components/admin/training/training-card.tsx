// The Training card: start (or cancel) a run on the latest FAQ, the run's progress, and the
// outcome of the page's last action.
import { Button, Card, Notice } from "../ui";
import { RunProgress } from "./run-progress";
import type { TrainingRunView } from "./types";

export function TrainingCard(props: {
  latestFaq: { id: string; number: number } | null;
  run: TrainingRunView | null;
  running: boolean;
  /** The latest FAQ version has no model yet. */
  stale: boolean;
  busy: boolean;
  error: string | null;
  notice: string | null;
  onTrain: () => void;
  onCancel: () => void;
}) {
  const { latestFaq, run, running } = props;
  return (
    <Card
      title="Training"
      testId="training"
      actions={
        <>
          <Button variant="primary" onClick={props.onTrain} disabled={props.busy || running || !latestFaq} data-testid="train">
            {running ? "Training…" : latestFaq ? `Train on FAQ v${latestFaq.number}` : "Train"}
          </Button>
          {running && <Button onClick={props.onCancel}>Cancel</Button>}
        </>
      }
    >
      {!latestFaq && (
        <p className="text-sm text-slate-600">
          Upload an FAQ first on the <a className="text-blue-700 underline" href="/admin/faq">FAQ page</a>.
        </p>
      )}
      {latestFaq && !run && <p className="text-sm text-slate-600">Training builds a model from your FAQ and tests it on reworded questions. It takes from seconds to a few minutes.</p>}
      {latestFaq && props.stale && !running && <p className="mb-2 text-sm text-amber-800">FAQ v{latestFaq.number} has not been trained yet.</p>}
      {run && <RunProgress run={run} />}
      {props.error && (
        <div className="mt-3">
          <Notice kind="error">{props.error}</Notice>
        </div>
      )}
      {props.notice && (
        <div className="mt-3">
          <Notice kind="success" testId="publish-notice">
            {props.notice}
          </Notice>
        </div>
      )}
    </Card>
  );
}

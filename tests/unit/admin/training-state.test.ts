// The Training page once a run finishes: "Done", the new version's row and the "not trained yet"
// note change together (components/admin/training/training-state.ts).
import { describe, expect, it } from "vitest";
import { finishedRunState, isFaqStale, type ModelsState } from "@/components/admin/training/training-state";
import type { ModelVersionView, TrainingRunView } from "@/components/admin/training/types";

const run = (over: Partial<TrainingRunView> = {}): TrainingRunView => ({
  id: "run-2",
  faqVersionNumber: 2,
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt: null,
  modelVersionId: null,
  error: null,
  phase: "export",
  progress: 0.97,
  status: "running",
  ...over,
});
const version = (id: string, number: number, faqVersionNumber: number) => ({ id, number, faqVersionNumber }) as unknown as ModelVersionView;

describe("the latest FAQ needs a model", () => {
  const v1 = [version("m1", 1, 1)];
  it("when the newest model was trained on another FAQ version and no run is on its way", () => {
    expect(isFaqStale({ number: 2 }, v1, null)).toBe(true);
    expect(isFaqStale({ number: 2 }, v1, run({ status: "failed" }))).toBe(true);
    expect(isFaqStale({ number: 1 }, v1, null)).toBe(false);
    expect(isFaqStale(null, v1, null)).toBe(false);
    expect(isFaqStale({ number: 2 }, [], null)).toBe(false);
  });

  it("not while a run is on its way, nor when it has just produced the model for that version", () => {
    expect(isFaqStale({ number: 2 }, v1, run())).toBe(false);
    expect(isFaqStale({ number: 2 }, v1, run({ status: "succeeded", progress: 1, phase: "done", modelVersionId: "m2" }))).toBe(false);
    // A run on an older FAQ version does not count.
    expect(isFaqStale({ number: 3 }, v1, run({ status: "succeeded", progress: 1 }))).toBe(true);
  });
});

describe("a finished run", () => {
  const before: ModelsState = { versions: [version("m1", 1, 1)], activeModelId: "m1", run: run() };
  const done = run({ status: "succeeded", progress: 1, phase: "done", modelVersionId: "m2" });

  it("shows Done with the versions as the server listed them after it, in one step", () => {
    const fetched: ModelsState = { versions: [version("m2", 2, 2), version("m1", 1, 1)], activeModelId: "m1", run: { ...done, finishedAt: "2026-01-01T00:01:00.000Z" } };
    const next = finishedRunState(before, done, fetched);
    expect(next.run).toMatchObject({ id: "run-2", status: "succeeded", progress: 1, modelVersionId: "m2", finishedAt: "2026-01-01T00:01:00.000Z", faqVersionNumber: 2 });
    expect(next.versions.map((v) => v.id)).toEqual(["m2", "m1"]);
    expect(isFaqStale({ number: 2 }, next.versions, next.run)).toBe(false);
  });

  it("keeps the versions it had when they could not be fetched, without the stale note", () => {
    const next = finishedRunState(before, done, null);
    expect(next.versions).toBe(before.versions);
    expect(next.run?.status).toBe("succeeded");
    expect(isFaqStale({ number: 2 }, next.versions, next.run)).toBe(false);
  });

  it("never goes back to running when the fetched row is older than the event", () => {
    const next = finishedRunState(before, done, { ...before, run: run({ progress: 0.5 }) });
    expect(next.run?.status).toBe("succeeded");
  });
});

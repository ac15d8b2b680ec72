// Shapes of the Training & models page, as the API sends them (lib/tenant-models/versions.ts).
export type { ModelVersionView, TrainingRunView } from "@/lib/tenant-models/versions";

export const PHASE_LABEL: Record<string, string> = {
  queued: "Waiting to start",
  preparing: "Preparing the FAQ",
  prepare: "Preparing the FAQ",
  embed: "Encoding phrasings",
  evaluate: "Testing on held-out phrasings",
  train: "Training the final model",
  calibrate: "Choosing when to answer",
  export: "Saving the model",
  done: "Done",
};

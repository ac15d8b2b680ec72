// The training library's error type. `code` lets callers (jobs, the eval CLI) map failures to
// messages without parsing text; `message` is written for the person who uploaded the FAQ.
export type TrainingErrorCode = "empty_input" | "invalid_input" | "cancelled" | "invalid_model" | "unavailable";

export class TrainingError extends Error {
  constructor(
    readonly code: TrainingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TrainingError";
  }
}

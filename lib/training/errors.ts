// Training failures as the app's one error type (AppError), plus a training-specific `reason` so
// jobs and the eval CLI can tell "cancelled" from "bad FAQ" without parsing messages. Messages are
// written for the person who uploaded the FAQ.
import { AppError, type ErrorCode } from "@/lib/errors/app-error";

export type TrainingErrorReason = "empty_input" | "invalid_input" | "cancelled" | "invalid_model" | "unavailable";

const APP_CODE: Record<TrainingErrorReason, ErrorCode> = {
  empty_input: "validation_failed",
  invalid_input: "validation_failed",
  cancelled: "conflict",
  invalid_model: "internal",
  unavailable: "not_ready",
};

export class TrainingError extends AppError {
  readonly reason: TrainingErrorReason;

  constructor(reason: TrainingErrorReason, message: string) {
    super(APP_CODE[reason], message);
    this.reason = reason;
  }
}

export function isTrainingError(e: unknown): e is TrainingError {
  return e instanceof TrainingError;
}

// The one application error type. Code decides the HTTP status (one table, below) and the
// message is written for the person who will read it; internal details go to `cause` and the log.
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The client closed the connection before we could answer (nginx's 499): nobody reads it. */
  client_closed: 499,
  not_ready: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Structured details safe to show to the client (e.g. a list of row errors). */
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof Error && (e as AppError).name === "AppError" && typeof (e as AppError).code === "string";
}

/** The JSON body every error response has, HTTP and Socket.IO acks alike. */
export function toErrorBody(e: unknown): { error: { code: ErrorCode; message: string; details?: unknown } } {
  if (isAppError(e)) return { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
  return { error: { code: "internal", message: "Something went wrong on our side. Please try again." } };
}

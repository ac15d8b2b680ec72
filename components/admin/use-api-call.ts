// One console form's request state: its error line and whether a call is in flight. `run` clears
// the error, marks the form busy, makes the call and turns a failure into the error line (the
// server's message, written for the admin, or `fallback`).
"use client";

import { useCallback, useState } from "react";
import { ApiError } from "./api";

export function useApiCall() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Resolves with the call's result, or undefined when it failed (the error line says why). */
  const run = useCallback(async <T>(call: () => Promise<T>, fallback = "That did not work. Try again."): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : fallback);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  return { error, setError, busy, run };
}

// The admin console's calls to its own API: JSON in, JSON out, and the server's error (message
// written for the admin, plus details such as every line error of an upload) as an ApiError.
// Every call names the workspace the page shows (components/workspace/page-workspace.ts).
import { workspaceHeaders } from "@/components/workspace/page-workspace";
import type { FaqImportError } from "@/lib/faq/import/types";

/** A line-precise problem the server reports (FAQ uploads and edits; `code` as sent, unchecked). */
export type LineError = Omit<FaqImportError, "code"> & { code: string };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Line-by-line problems (FAQ uploads and edits), when the server sent them. */
  get lineErrors(): LineError[] {
    const d = this.details as { errors?: LineError[] } | undefined;
    return Array.isArray(d?.errors) ? d.errors : [];
  }

  /** Field problems from the request's zod validation ({path, message}). */
  get fieldErrors(): { path: string; message: string }[] {
    return Array.isArray(this.details) ? (this.details as { path: string; message: string }[]) : [];
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body !== undefined || init.form ? "POST" : "GET"),
      headers: { ...workspaceHeaders(), ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("Cannot reach the server. Check your connection and try again.", "network", 0);
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) {
    if (res.status === 401) throw new ApiError("Your session has ended. Sign in again.", "unauthenticated", 401);
    throw new ApiError(data?.error?.message ?? `The server answered ${res.status}.`, data?.error?.code ?? "internal", res.status, data?.error?.details);
  }
  return data as T;
}

export const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "—" : `${(v * 100).toFixed(digits)}%`);

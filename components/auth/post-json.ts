// The sign-in side's calls to its own API (sign-up, setup, invitations, workspace menu): JSON in,
// and either the answer or the server's message (written for the person) with its field errors.
export interface PostResult<T> {
  ok: boolean;
  data?: T;
  message?: string;
  fieldErrors?: { path: string; message: string }[];
}

export async function postJson<T>(path: string, body: unknown): Promise<PostResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  } catch {
    return { ok: false, message: "Cannot reach the server. Check your connection and try again." };
  }
  const json = (await res.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  if (res.ok) return { ok: true, data: json as T };
  const details = json?.error?.details;
  return {
    ok: false,
    message: json?.error?.message ?? `The server answered ${res.status}. Please try again.`,
    fieldErrors: Array.isArray(details) ? (details as { path: string; message: string }[]) : [],
  };
}

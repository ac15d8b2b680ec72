// The origin people's browsers reach this app on, for links and snippets shown in the console
// (widget snippet, invitation links): PUBLIC_URL when set, else the host the page was opened on.
import { env } from "@/lib/env";

export function appOrigin(headers: Headers): string {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const proto = env().TRUST_PROXY ? (headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http") : "http";
  return `${proto}://${headers.get("host") ?? `localhost:${env().PORT}`}`;
}

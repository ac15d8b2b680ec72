// The public base URL of this server, for printed links and the widget snippet.
import { env } from "@/lib/env";

export function publicBaseUrl(port = env().PORT): string {
  if (env().PUBLIC_URL) return env().PUBLIC_URL!.replace(/\/$/, "");
  const host = env().HOST === "0.0.0.0" || env().HOST === "::" ? "localhost" : env().HOST;
  return `http://${host}:${port}`;
}

// The client's IP for rate limits and logs. X-Forwarded-For is trusted only when TRUST_PROXY is
// on (behind a load balancer); otherwise a client could pick its own rate-limit bucket.
import { env } from "@/lib/env";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, socketAddress?: string): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (env().TRUST_PROXY) {
    const fwd = get("x-forwarded-for");
    if (fwd) return fwd.split(",")[0]!.trim();
  }
  return socketAddress ?? get("x-real-ip-internal") ?? "unknown";
}

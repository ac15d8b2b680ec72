// The client's IP for rate limits and logs. X-Forwarded-For is read only when TRUST_PROXY is on
// (behind one load balancer that appends the peer address).
import { env } from "@/lib/env";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, socketAddress?: string): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (env().TRUST_PROXY) {
    // The rightmost entry is the one our own proxy appended; entries to its left were sent by the
    // client and could be anything (a client could otherwise pick its own rate-limit bucket).
    const fwd = get("x-forwarded-for");
    const last = fwd?.split(",").pop()?.trim();
    if (last) return last;
  }
  return socketAddress ?? get("x-real-ip-internal") ?? "unknown";
}

// Who may read /metrics: nobody unless METRICS_TOKEN is set (the route then answers 404, as if it
// did not exist), and then only `Authorization: Bearer <METRICS_TOKEN>` (constant-time check).
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function assertMetricsAccess(authorization: string | null): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Metrics are turned off. Set METRICS_TOKEN to serve them.");
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m || !timingSafeEqual(digest(m[1]!), digest(token))) throw new AppError("unauthenticated", "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.");
}

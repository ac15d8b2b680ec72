// What /api/health reports: overall status, database reachability, models, version. "ok" only
// when the process finished start-up and the database answers. Process figures (memory, event
// loop) help an attacker size a flood, so only admins and holders of HEALTH_TOKEN see them.
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db";
import { readSession } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { isReady } from "@/lib/app/lifecycle";
import type { modelHealth } from "@/lib/health/model-health";
import { services } from "@/lib/app/services";
import { processMetrics, type ProcessMetrics } from "@/lib/app/metrics";
import pkg from "@/package.json" with { type: "json" };

export interface HealthReport {
  status: "ok" | "starting" | "degraded" | "down";
  version: string;
  uptimeSeconds: number;
  database: { kind: "sqlite" | "postgres"; state: "ok" | "down"; latencyMs?: number; error?: string };
  models: Awaited<ReturnType<typeof modelHealth>>;
  /** Only for a signed-in admin or a request with HEALTH_TOKEN. */
  process?: ProcessMetrics;
}

export async function healthReport(opts: { detailed?: boolean } = {}): Promise<HealthReport> {
  const database: HealthReport["database"] = { kind: env().databaseKind, state: "down" };
  try {
    const t0 = performance.now();
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    database.state = "ok";
    database.latencyMs = Math.round((performance.now() - t0) * 10) / 10;
  } catch (err) {
    database.error = err instanceof Error ? err.message.split("\n")[0] : "unreachable";
  }
  const models = await Promise.resolve()
    .then(() => services().modelHealth())
    .catch(() => ({ mode: "faq-only" as const, degraded: false, models: [] }));
  const status = !isReady() ? "starting" : database.state !== "ok" ? "down" : models.degraded ? "degraded" : "ok";
  return { status, version: pkg.version, uptimeSeconds: Math.round(process.uptime()), database, models, ...(opts.detailed ? { process: processMetrics() } : {}) };
}

/** Whether the caller may see process figures: HEALTH_TOKEN as a Bearer token, or an admin session. */
export async function mayReadHealthDetails(headers: Headers, sessionCookie: string | undefined): Promise<boolean> {
  const token = env().HEALTH_TOKEN;
  const auth = headers.get("authorization");
  if (token && auth && safeEqual(auth, `Bearer ${token}`)) return true;
  if (!sessionCookie) return false;
  const user = await readSession(sessionCookie).catch(() => null);
  return Boolean(user && hasRole(user.role, "admin"));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

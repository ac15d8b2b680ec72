// What /api/health reports: overall status, database reachability, models, version. "ok" only
// when the process finished start-up and the database answers.
import { getDb } from "@/lib/db";
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
  process: ProcessMetrics;
}

export async function healthReport(): Promise<HealthReport> {
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
  return { status, version: pkg.version, uptimeSeconds: Math.round(process.uptime()), database, models, process: processMetrics() };
}

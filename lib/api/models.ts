// Owns the model part of the public API: training run status, model versions with their
// evaluation summary, and which version a rollback returns to. Training and publishing themselves
// run in the server process (lib/app/services.ts); this file only reads, through the tenant guard.
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";

export async function trainingRunStatus(db: TenantDb, runId: string) {
  const run = await db.trainingRun.findFirst({ where: { id: runId } });
  if (!run) throw new AppError("not_found", "Training run not found.");
  return {
    id: run.id,
    status: run.status as "queued" | "running" | "succeeded" | "failed",
    phase: run.phase,
    progress: run.progress,
    error: run.error,
    faqVersionId: run.faqVersionId,
    modelVersionId: run.modelVersionId,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

const SUMMARY_FIELDS = ["n", "entries", "inScopeAccuracy", "top3Accuracy", "answeredShare", "answeredWrongRate", "suggestedShare", "unrelatedAnsweredRate", "calibrationError", "rough"] as const;

function evaluationSummary(raw: unknown): Record<string, unknown> {
  const e = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, e[k] ?? null]));
}

export async function listModelVersions(db: TenantDb) {
  const [tenant, rows] = await Promise.all([
    db.tenant.findFirst({ select: { activeModelId: true } }),
    db.modelVersion.findMany({ orderBy: { number: "desc" }, take: 200, include: { faqVersion: { select: { number: true } } } }),
  ]);
  return rows.map((m) => ({
    id: m.id,
    number: m.number,
    kind: m.kind,
    status: m.status,
    active: m.id === tenant?.activeModelId,
    faqVersionId: m.faqVersionId,
    faqVersionNumber: m.faqVersion.number,
    sizeBytes: m.sizeBytes,
    createdAt: m.createdAt.toISOString(),
    publishedAt: m.publishedAt?.toISOString() ?? null,
    evaluation: evaluationSummary(m.evaluation),
  }));
}

export async function requireModelVersion(db: TenantDb, id: string) {
  const m = await db.modelVersion.findFirst({ where: { id }, select: { id: true } });
  if (!m) throw new AppError("not_found", "Model version not found.");
  return m.id;
}

/** The version published before the active one (the most recently published other version). */
export async function rollbackTarget(db: TenantDb, requested?: string): Promise<string> {
  if (requested) return requireModelVersion(db, requested);
  const tenant = await db.tenant.findFirst({ select: { activeModelId: true } });
  const previous = await db.modelVersion.findFirst({
    where: { publishedAt: { not: null }, ...(tenant?.activeModelId ? { id: { not: tenant.activeModelId } } : {}) },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  if (!previous) throw new AppError("conflict", "There is no earlier published model version to roll back to.");
  return previous.id;
}

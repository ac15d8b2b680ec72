// Reading a tenant's model versions and training runs, for the admin console ("Training &
// models": full evaluation reports, which one is live, the latest run so a reload mid-training
// still shows progress) and the public API (evaluation summaries, run status, rollback target).
// Reads only, through the tenant guard; training and publishing go through services().
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";
import type { Calibration, EvaluationReport } from "@/lib/training/types";

export interface ModelVersionView {
  id: string;
  number: number;
  kind: string;
  status: string;
  live: boolean;
  faqVersionNumber: number | null;
  sizeBytes: number;
  createdAt: string;
  publishedAt: string | null;
  evaluation: EvaluationReport | null;
  calibration: Pick<Calibration, "answerThreshold" | "suggestThreshold" | "targetWrongRate" | "rough"> | null;
}

export interface TrainingRunView {
  id: string;
  status: string;
  phase: string | null;
  progress: number;
  error: string | null;
  modelVersionId: string | null;
  faqVersionNumber: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const isReport = (v: unknown): v is EvaluationReport => typeof v === "object" && v !== null && "curve" in v && "confusedPairs" in v;
const isCalibration = (v: unknown): v is Calibration => typeof v === "object" && v !== null && "answerThreshold" in v;

async function versionRows(db: TenantDb, take: number) {
  const [tenant, rows] = await Promise.all([
    db.tenant.findFirst({ select: { activeModelId: true } }),
    db.modelVersion.findMany({ orderBy: { number: "desc" }, take, include: { faqVersion: { select: { number: true } } } }),
  ]);
  return { activeModelId: tenant?.activeModelId ?? null, rows };
}

/** The console's view: the 50 newest versions with their full reports. */
export async function listModelVersions(db: TenantDb): Promise<{ versions: ModelVersionView[]; activeModelId: string | null }> {
  const { activeModelId, rows } = await versionRows(db, 50);
  return {
    activeModelId,
    versions: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      live: r.id === activeModelId,
      faqVersionNumber: r.faqVersion?.number ?? null,
      sizeBytes: r.sizeBytes,
      createdAt: r.createdAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      evaluation: isReport(r.evaluation) ? r.evaluation : null,
      calibration: isCalibration(r.calibration)
        ? { answerThreshold: r.calibration.answerThreshold, suggestThreshold: r.calibration.suggestThreshold, targetWrongRate: r.calibration.targetWrongRate, rough: r.calibration.rough }
        : null,
    })),
  };
}

const SUMMARY_FIELDS = ["n", "entries", "inScopeAccuracy", "top3Accuracy", "answeredShare", "answeredWrongRate", "suggestedShare", "unrelatedAnsweredRate", "calibrationError", "rough"] as const;

function evaluationSummary(raw: unknown): Record<string, unknown> {
  const e = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, e[k] ?? null]));
}

/** The public API's view: up to 200 versions with an evaluation summary. */
export async function listModelVersionSummaries(db: TenantDb) {
  const { activeModelId, rows } = await versionRows(db, 200);
  return rows.map((m) => ({
    id: m.id,
    number: m.number,
    kind: m.kind,
    status: m.status,
    active: m.id === activeModelId,
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

export async function latestTrainingRun(db: TenantDb): Promise<TrainingRunView | null> {
  const run = await db.trainingRun.findFirst({ orderBy: { createdAt: "desc" }, include: { faqVersion: { select: { number: true } } } });
  return run ? toRunView(run) : null;
}

export function toRunView(run: { id: string; status: string; phase: string | null; progress: number; error: string | null; modelVersionId: string | null; createdAt: Date; finishedAt: Date | null; faqVersion?: { number: number } | null }): TrainingRunView {
  return {
    id: run.id,
    status: run.status,
    phase: run.phase,
    progress: run.progress,
    error: run.error,
    modelVersionId: run.modelVersionId,
    faqVersionNumber: run.faqVersion?.number ?? null,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** A run as the public API shows it. */
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

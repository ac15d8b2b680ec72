// Owns what the "Training & models" page reads: the tenant's model versions with their
// evaluation reports, which one is live, and the latest training run (so a reload mid-training
// still shows its progress). Reads only; training and publishing go through services().
import "server-only";
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

export async function listModelVersions(db: TenantDb): Promise<{ versions: ModelVersionView[]; activeModelId: string | null }> {
  const [tenant, rows] = await Promise.all([
    db.tenant.findFirst({ select: { activeModelId: true } }),
    db.modelVersion.findMany({ orderBy: { number: "desc" }, take: 50, include: { faqVersion: { select: { number: true } } } }),
  ]);
  const activeModelId = tenant?.activeModelId ?? null;
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

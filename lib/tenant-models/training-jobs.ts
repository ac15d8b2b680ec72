// Training a tenant's model from one FAQ version, off the request path: a worker thread runs the
// trainer, one run at a time per tenant, progress goes to the database (so a reload shows it) and
// to the admin UI live. A failure marks the run failed with the reason; the published model stays.
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { env } from "@/lib/env";
import { runTrainingInWorker, TrainingError, type FaqExample, type TrainedModel } from "@/lib/training";
import { getModelRuntime } from "@/lib/models";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { packArtifact, saveArtifact, toStoredPath } from "@/lib/tenant-models/storage";
import { publish } from "@/lib/events/bus";
import { redisEnabled } from "@/lib/scale/redis";
import { enqueueTrainingJob } from "@/lib/tenant-models/training-queue";

const g = globalThis as unknown as { __faqbotTrainingRuns?: Map<string, { runId: string; cancel: () => void; done: Promise<void> }> };
const running = (g.__faqbotTrainingRuns ??= new Map());

/** Phrasings of an FAQ version as training examples (question + alternatives, label = key). */
export async function examplesForVersion(db: Db, tenantId: string, faqVersionId: string): Promise<FaqExample[]> {
  return (await trainingDataForVersion(db, tenantId, faqVersionId)).examples;
}

/** Training examples plus each entry's answer text (learned as extra examples, see TrainOptions.answers). */
export async function trainingDataForVersion(db: Db, tenantId: string, faqVersionId: string): Promise<{ examples: FaqExample[]; answers: Record<string, string>; languages: Record<string, string> }> {
  const entries = await db.faqEntry.findMany({ where: { tenantId, versionId: faqVersionId }, orderBy: { position: "asc" } });
  return {
    examples: entries.flatMap((e) => [e.question, ...((e.alternatives as string[]) ?? [])].map((text) => ({ text, label: e.key }))),
    answers: Object.fromEntries(entries.map((e) => [e.key, e.answer])),
    languages: Object.fromEntries(entries.map((e) => [e.key, e.language])),
  };
}

export interface StartTrainingInput {
  tenantId: string;
  faqVersionId?: string;
  startedById?: string | null;
}

/**
 * Queues a training run and starts it in the background; resolves with the run row at once. One
 * run per tenant at a time. With REDIS_URL the run goes on the shared BullMQ queue, so any
 * instance can run it and a crashed worker's run is retried; otherwise it runs in this process.
 */
export async function startTraining(input: StartTrainingInput) {
  const db = await getDb();
  const busy = "A training run is already in progress for this workspace. Wait for it to finish.";
  if (running.has(input.tenantId)) throw new AppError("conflict", busy);
  const version = input.faqVersionId
    ? await db.faqVersion.findFirst({ where: { id: input.faqVersionId, tenantId: input.tenantId } })
    : await db.faqVersion.findFirst({ where: { tenantId: input.tenantId }, orderBy: { number: "desc" } });
  if (!version) throw new AppError("not_found", "Upload an FAQ before training.");
  // A run older than the training timeout can no longer be going on (its worker died without
  // a word): it does not block new runs.
  const staleBefore = new Date(Date.now() - env().TRAINING_TIMEOUT_MS - 60_000);
  if (await db.trainingRun.findFirst({ where: { tenantId: input.tenantId, status: { in: ["queued", "running"] }, createdAt: { gt: staleBefore } }, select: { id: true } })) {
    throw new AppError("conflict", busy);
  }
  await db.trainingRun.updateMany({
    where: { tenantId: input.tenantId, status: { in: ["queued", "running"] }, createdAt: { lte: staleBefore } },
    data: { status: "failed", error: "The training run stopped without finishing.", finishedAt: new Date() },
  });
  // The database allows one queued or running run per tenant (a partial unique index), so of two
  // starts at the same instant that both passed the check above, one is refused here.
  const run = await db.trainingRun
    .create({ data: { tenantId: input.tenantId, faqVersionId: version.id, startedById: input.startedById ?? null, status: "queued", phase: "queued" } })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError("conflict", busy);
      throw e;
    });
  if (redisEnabled()) {
    await enqueueTrainingJob(run.id).catch(async (err: unknown) => {
      await markRunFailed(run.id, "The training queue is unavailable. Try again in a moment.");
      throw err;
    });
  } else runTrainingJob(run.id);
  return run;
}

/** Runs one training run in this process (called directly, or by the queue's worker). */
export function runTrainingJob(runId: string): Promise<void> {
  const job = (async () => {
    const db = await getDb();
    const run = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "succeeded" || run.status === "failed") return;
    let cancel = () => {};
    const done = execute(db, run.id, run.tenantId, run.faqVersionId, (c) => (cancel = c)).finally(() => running.delete(run.tenantId));
    running.set(run.tenantId, { runId: run.id, cancel: () => cancel(), done });
    await done;
  })();
  job.catch((err) => logger.error({ err, runId }, "training job crashed"));
  return job;
}

/** Waits until a run has finished (succeeded or failed), on whichever instance it runs. */
export async function waitForRun(runId: string, timeoutMs = env().TRAINING_TIMEOUT_MS + 30_000): Promise<void> {
  const db = await getDb();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = await db.trainingRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!r || r.status === "succeeded" || r.status === "failed") return;
    await new Promise((res) => setTimeout(res, 150));
  }
}

/** Marks a run that can no longer finish as failed (queue unavailable, retries exhausted). */
export async function markRunFailed(runId: string, error: string): Promise<void> {
  const db = await getDb();
  const res = await db.trainingRun.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: "failed", error, finishedAt: new Date() } });
  if (res.count === 1) {
    const run = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    publish("training.progress", { tenantId: run.tenantId, runId, status: "failed", phase: null, progress: 0, error });
  }
}

export function cancelTraining(tenantId: string): boolean {
  const r = running.get(tenantId);
  r?.cancel();
  return Boolean(r);
}

async function execute(db: Db, runId: string, tenantId: string, faqVersionId: string, setCancel: (c: () => void) => void): Promise<void> {
  const log = logger.child({ tenantId, runId });
  let lastSaved = 0;
  const report = async (status: string, phase: string | null, progress: number, extra: { error?: string | null; modelVersionId?: string | null } = {}) => {
    publish("training.progress", { tenantId, runId, status, phase, progress, ...extra });
    const now = Date.now();
    if (status !== "running" || now - lastSaved > 500) {
      lastSaved = now;
      await db.trainingRun.update({ where: { id: runId }, data: { status, phase, progress, error: extra.error ?? null, modelVersionId: extra.modelVersionId ?? undefined } });
    }
  };
  try {
    await db.trainingRun.update({ where: { id: runId }, data: { status: "running", startedAt: new Date() } });
    await report("running", "preparing", 0);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const settings = readTenantSettings(tenant.settings);
    const { examples, answers, languages } = await trainingDataForVersion(db, tenantId, faqVersionId);
    const runtime = getModelRuntime();
    const embed = runtime.embeddingAvailable() ? (texts: string[]) => runtime.embed(texts) : undefined;
    const job = runTrainingInWorker(examples, {
      targetWrongRate: settings.targetWrongRate,
      seed: 0,
      answers,
      languages,
      embed,
      onProgress: (p) => void report("running", p.phase, Math.min(0.98, p.fraction)).catch(() => undefined),
    });
    setCancel(job.cancel);
    const timeout = setTimeout(() => job.cancel(), env().TRAINING_TIMEOUT_MS);
    let trained: TrainedModel;
    try {
      trained = await job.result;
    } finally {
      clearTimeout(timeout);
    }
    const version = await storeModelVersion(db, tenantId, faqVersionId, trained);
    await db.trainingRun.update({ where: { id: runId }, data: { status: "succeeded", progress: 1, phase: "done", modelVersionId: version.id, finishedAt: new Date() } });
    publish("training.progress", { tenantId, runId, status: "succeeded", phase: "done", progress: 1, modelVersionId: version.id });
    log.info({ version: version.number, ms: trained.evaluation.timings }, "training succeeded");
  } catch (err) {
    const message = err instanceof TrainingError ? trainingErrorMessage(err) : "Training failed because of an internal error. The published model is unchanged.";
    log.warn({ err }, "training failed");
    await db.trainingRun.update({ where: { id: runId }, data: { status: "failed", error: message, finishedAt: new Date() } }).catch(() => undefined);
    publish("training.progress", { tenantId, runId, status: "failed", phase: null, progress: 0, error: message });
  }
}

function trainingErrorMessage(err: TrainingError): string {
  switch (err.reason) {
    case "cancelled":
      return "Training was cancelled (or took too long). The published model is unchanged.";
    case "empty_input":
    case "invalid_input":
      return `The FAQ cannot be trained: ${err.message}. The published model is unchanged.`;
    default:
      return `Training failed: ${err.message}. The published model is unchanged.`;
  }
}

async function storeModelVersion(db: Db, tenantId: string, faqVersionId: string, trained: TrainedModel) {
  const last = await db.modelVersion.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const dir = await saveArtifact(tenantId, number, trained.files);
  return db.modelVersion.create({
    data: {
      tenantId,
      faqVersionId,
      number,
      kind: trained.kind,
      artifactPath: toStoredPath(dir),
      artifact: packArtifact(trained.files),
      checksum: trained.checksum,
      sizeBytes: trained.sizeBytes,
      evaluation: trained.evaluation as object,
      calibration: trained.calibration as object,
      status: "ready",
    },
  });
}

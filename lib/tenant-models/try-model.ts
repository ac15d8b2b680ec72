// The admin's test console: ask a question against any trained version (published or not) and
// see the decision, without touching live traffic. Loaded versions are cached briefly.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadTenantModel, type Decision, type LoadedTenantModel } from "@/lib/training";
import { getModelRuntime } from "@/lib/models";
import { loadArtifactFiles } from "@/lib/tenant-models/storage";

const cache = new Map<string, { model: Promise<LoadedTenantModel>; at: number }>();
const TTL_MS = 10 * 60_000;

export async function tryModelVersion(input: { tenantId: string; modelVersionId: string; text: string }): Promise<{ decision: Decision; entries: Record<string, { question: string; answer: string }> }> {
  const db = await getDb();
  const version = await db.modelVersion.findFirst({ where: { id: input.modelVersionId, tenantId: input.tenantId }, omit: { artifact: false } });
  if (!version) throw new AppError("not_found", "Model version not found.");
  for (const [k, v] of cache) if (Date.now() - v.at > TTL_MS) (cache.delete(k), void v.model.then((m) => m.dispose()).catch(() => undefined));
  let hit = cache.get(version.id);
  if (!hit) {
    const runtime = getModelRuntime();
    const embed = version.kind === "embedding" ? (texts: string[]) => runtime.embed(texts) : undefined;
    hit = { model: loadArtifactFiles(version).then((files) => loadTenantModel(files, { embed })), at: Date.now() };
    hit.model.catch(() => cache.delete(version.id));
    cache.set(version.id, hit);
  }
  const decision = await (await hit.model).decide(input.text);
  const keys = decision.candidates.map((c) => c.label);
  const rows = await db.faqEntry.findMany({ where: { tenantId: input.tenantId, versionId: version.faqVersionId, key: { in: keys } }, select: { key: true, question: true, answer: true } });
  return { decision, entries: Object.fromEntries(rows.map((r) => [r.key, { question: r.question, answer: r.answer }])) };
}

// The published model of each tenant, loaded once and kept in a bounded LRU cache (thousands of
// tenants share a server; idle ones are unloaded). A publish or rollback evicts the tenant's entry
// through the `model.published` event (relayed to every instance), so the next customer message already uses the new version.
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { loadTenantModel, type LoadedTenantModel } from "@/lib/training";
import { getModelRuntime } from "@/lib/models";
import { loadArtifactFiles } from "@/lib/tenant-models/storage";
import { subscribe } from "@/lib/events/bus";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import type { BotKnowledge } from "@/lib/dialogue/decide-turn";

export interface FaqEntryRef {
  id: string;
  key: string;
  question: string;
  answer: string;
  language: string;
  category: string | null;
}

export interface ActiveModel {
  tenantId: string;
  modelVersionId: string;
  versionNumber: number;
  model: LoadedTenantModel;
  entries: Map<string, FaqEntryRef>;
  /** What the conversation layer knows of the FAQ (languages, vocabulary, topics). */
  knowledge: BotKnowledge;
}

const MAX_LOADED = 500;

const g = globalThis as unknown as { __faqbotActiveModels?: Map<string, Promise<ActiveModel | null>>; __faqbotActiveModelsWired?: boolean };
const cache = (g.__faqbotActiveModels ??= new Map());

if (!g.__faqbotActiveModelsWired) {
  g.__faqbotActiveModelsWired = true;
  subscribe("model.published", ({ tenantId }) => evictTenantModel(tenantId));
}

/** Messages already holding the evicted model finish with it; its session is freed a minute later. */
const DISPOSE_DELAY_MS = 60_000;

export function evictTenantModel(tenantId: string): void {
  const entry = cache.get(tenantId);
  cache.delete(tenantId);
  if (!entry) return;
  setTimeout(() => void entry.then((m: ActiveModel | null) => m?.model.dispose()).catch(() => undefined), DISPOSE_DELAY_MS).unref();
}

/** The tenant's published model, or null when it has none (the bot then hands off). */
export function getActiveModel(tenantId: string): Promise<ActiveModel | null> {
  const hit = cache.get(tenantId);
  if (hit) {
    // Refresh LRU position.
    cache.delete(tenantId);
    cache.set(tenantId, hit);
    return hit;
  }
  const pending = load(tenantId);
  cache.set(tenantId, pending);
  pending.catch(() => cache.delete(tenantId));
  while (cache.size > MAX_LOADED) evictTenantModel(cache.keys().next().value as string);
  return pending;
}

async function load(tenantId: string): Promise<ActiveModel | null> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { activeModelId: true } });
  if (!tenant?.activeModelId) return null;
  const version = await db.modelVersion.findFirst({ where: { id: tenant.activeModelId, tenantId }, omit: { artifact: false } });
  if (!version) return null;
  const entries = await db.faqEntry.findMany({ where: { versionId: version.faqVersionId, tenantId }, select: { id: true, key: true, question: true, alternatives: true, answer: true, language: true, category: true } });
  const runtime = getModelRuntime();
  const embed = version.kind === "embedding" ? (texts: string[]) => runtime.embed(texts) : undefined;
  const t0 = performance.now();
  const model = await loadTenantModel(await loadArtifactFiles(version), { embed, entries: entries.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) });
  logger.debug({ tenantId, version: version.number, ms: Math.round(performance.now() - t0) }, "tenant model loaded");
  const knowledge = buildKnowledge(model, entries.map((e) => ({ ...e, alternatives: (e.alternatives as string[] | null) ?? [] })));
  return { tenantId, modelVersionId: version.id, versionNumber: version.number, model, entries: new Map(entries.map((e) => [e.key, e])), knowledge };
}

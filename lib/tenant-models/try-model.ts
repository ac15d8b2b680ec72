// The admin's test console: ask a question against any trained version (published or not) and
// see the decision, without touching live traffic. Loaded versions are cached briefly.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadTenantModel, type Decision, type LoadedTenantModel } from "@/lib/training";
import { getModelRuntime } from "@/lib/models";
import { loadArtifactFiles } from "@/lib/tenant-models/storage";
import { decideTurn, type BotKnowledge, type TurnDecision } from "@/lib/dialogue/decide-turn";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import { smallTalkReply, unansweredText } from "@/lib/dialogue/replies";
import { t } from "@/lib/chat/strings";
import { thresholdFor } from "@/lib/training/answer-model";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { documentsMayAnswer, findKnowledgeReply } from "@/lib/knowledge/reply";

const cache = new Map<string, { model: Promise<LoadedTenantModel & { knowledge: BotKnowledge }>; at: number }>();
const TTL_MS = 10 * 60_000;

export interface TryResult {
  decision: Decision;
  /** What the bot does with the message: the same decision path as the live chat (lib/dialogue). */
  turn: { kind: TurnDecision["kind"] | "document"; intent?: string; followup?: boolean; reply?: string };
  entries: Record<string, { question: string; answer: string }>;
  /** Where the reply comes from: an FAQ entry, or a passage of a knowledge document (as in the live chat). */
  source: TrySource | null;
}

export type TrySource =
  | { kind: "faq"; key: string; question: string }
  | { kind: "document"; documentId: string; title: string; heading: string | null; url: string; quote: string; relevance: number };

export async function tryModelVersion(input: { tenantId: string; modelVersionId: string; text: string }): Promise<TryResult> {
  const db = await getDb();
  const version = await db.modelVersion.findFirst({ where: { id: input.modelVersionId, tenantId: input.tenantId }, omit: { artifact: false } });
  if (!version) throw new AppError("not_found", "Model version not found.");
  for (const [k, v] of cache) if (Date.now() - v.at > TTL_MS) (cache.delete(k), void v.model.then((m) => m.dispose()).catch(() => undefined));
  let hit = cache.get(version.id);
  if (!hit) {
    const runtime = getModelRuntime();
    const embed = version.kind === "embedding" ? (texts: string[]) => runtime.embed(texts) : undefined;
    const faqEntries = await db.faqEntry.findMany({ where: { tenantId: input.tenantId, versionId: version.faqVersionId }, select: { key: true, question: true, alternatives: true, answer: true, language: true, category: true } });
    const entries = faqEntries.map((e) => ({ ...e, alternatives: (e.alternatives as string[] | null) ?? [] }));
    hit = {
      model: loadArtifactFiles(version)
        .then((files) => loadTenantModel(files, { embed, entries: entries.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) }))
        .then((model) => Object.assign(model, { knowledge: buildKnowledge(model, entries) })),
      at: Date.now(),
    };
    hit.model.catch(() => cache.delete(version.id));
    cache.set(version.id, hit);
  }
  const model = await hit.model;
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { defaultLanguage: true, settings: true, name: true } });
  const settings = readTenantSettings(tenant?.settings);
  const threshold = thresholdFor(settings.targetWrongRate);
  const d = await decideTurn({ text: input.text, history: [], conversationLanguage: null, defaultLanguage: tenant?.defaultLanguage ?? "en", threshold }, model.knowledge);
  const decision: Decision = "understanding" in d && d.understanding ? (d.kind === "answer" ? d.understanding : { ...d.understanding, kind: d.kind === "suggest" ? "suggest" : "handoff" }) : { kind: "handoff", candidates: [], reason: d.kind === "smalltalk" ? `small talk (${d.intent})` : d.kind === "human" ? "the customer asks for a person" : "reason" in d ? d.reason : d.kind };
  const turn = {
    kind: d.kind,
    intent: d.kind === "smalltalk" ? d.intent : undefined,
    followup: "followup" in d ? d.followup : undefined,
    // What the customer would read (a first unanswered question; the live chat may queue a second).
    reply:
      d.kind === "smalltalk"
        ? smallTalkReply(d.intent, d.language, settings, tenant?.name ?? "", model.knowledge)
        : d.kind === "human"
          ? t(d.inWriting ? "writeBack" : "connecting", d.language)
          : d.kind === "offtopic" || d.kind === "unknown"
            ? unansweredText(settings, model.knowledge, d.language, { offTopic: d.kind === "offtopic" && d.marker, queued: false })
            : d.kind === "suggest"
              ? t("didYouMean", d.language)
              : undefined,
  };
  const keys = decision.candidates.map((c) => c.label);
  const rows = await db.faqEntry.findMany({ where: { tenantId: input.tenantId, versionId: version.faqVersionId, key: { in: keys } }, select: { key: true, question: true, answer: true } });
  const entries = Object.fromEntries(rows.map((r) => [r.key, { question: r.question, answer: r.answer }]));
  let source: TrySource | null = d.kind === "answer" && entries[d.key] ? { kind: "faq", key: d.key, question: entries[d.key]!.question } : null;
  // As in the live chat: what the FAQ cannot answer may be answered from the documents.
  const docs = documentsMayAnswer(d);
  if (docs) {
    const fromDocs = await findKnowledgeReply({ tenantId: input.tenantId, question: input.text, language: d.language, strict: docs.strict });
    if (fromDocs) {
      const p = fromDocs.answer.best.passage;
      source = { kind: "document", documentId: p.documentId, title: p.title, heading: p.heading, url: fromDocs.source.url, quote: fromDocs.answer.quote, relevance: fromDocs.answer.best.relevance };
      Object.assign(turn, { kind: "document", reply: fromDocs.answer.quote });
    }
  }
  return { decision, turn: turn as TryResult["turn"], entries, source };
}

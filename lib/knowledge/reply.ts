// The bot's question to the documents, for the live chat (lib/chat/respond.ts) and the admin's
// test console: the tenant's index (with the loaded sentence encoder, if any), the answer gate,
// and what the reply needs — the quote, the source to show, and the passages a chat model may be
// grounded on. Server graph only: it reaches the model runtime.
import { getModelRuntime } from "@/lib/models";
import { logger } from "@/lib/log/logger";
import { answerFromDocuments, ANSWER_MIN_RELEVANCE, UPGRADE_MIN_RELEVANCE, type KnowledgeAnswer } from "./answer";
import { knowledgeIndexFor, type Encoder } from "./tenant-index";
import type { TurnDecision } from "@/lib/dialogue/decide-turn";

export interface KnowledgeReply {
  answer: KnowledgeAnswer;
  /** Shown with the reply: the document's title and where to read it. */
  source: { key: string; question: string; url: string; kind: "document" };
  /** For a chat model: the quote first (the fallback if its answer strays), then other relevant passages. */
  passages: Array<{ key: string; question: string; answer: string }>;
}

/** P(right) of the FAQ model's best entry above which its "did you mean" choices are plausible. */
const PLAUSIBLE_CHOICE_P = 0.3;

/**
 * Which FAQ decisions the documents may answer, and how strictly: unknown and non-marker off-topic
 * questions at the normal threshold; "did you mean" choices too, but when the FAQ model finds its
 * best entry plausible, only with a passage that matches almost all of the question. Null: never
 * (answers, small talk, requests for a person, off-topic requests by their words).
 */
export function documentsMayAnswer(d: TurnDecision): { strict: boolean } | null {
  if (d.kind === "unknown" || (d.kind === "offtopic" && !d.marker)) return { strict: false };
  if (d.kind === "suggest") return { strict: (d.understanding.probability ?? 0) >= PLAUSIBLE_CHOICE_P };
  return null;
}

/** The loaded sentence encoder, if any. */
export function currentEncoder(): Encoder | null {
  const runtime = getModelRuntime();
  if (!runtime.embeddingAvailable()) return null;
  const id = runtime.status().find((s) => s.role === "embedding")?.id ?? "embedding";
  return { id, embed: (texts) => runtime.embed(texts) };
}

/**
 * An answer from the documents, or null. `strict`: the FAQ model had candidates ("did you mean"),
 * so only a passage that matches almost every word of the question replaces them.
 */
export async function findKnowledgeReply(input: { tenantId: string; question: string; language: string; strict?: boolean }): Promise<KnowledgeReply | null> {
  const encoder = currentEncoder();
  let index = await knowledgeIndexFor(input.tenantId, encoder).catch((err: unknown) => {
    logger.warn({ err, tenantId: input.tenantId }, "knowledge index with vectors failed; lexical only");
    return null;
  });
  if (!index && encoder) index = await knowledgeIndexFor(input.tenantId, null);
  if (!index) return null;
  const queryVector = encoder ? await encoder.embed([input.question]).then((v) => v[0] ?? null).catch(() => null) : null;
  const answer = answerFromDocuments(index, input.question, { language: input.language, queryVector, minRelevance: input.strict ? UPGRADE_MIN_RELEVANCE : ANSWER_MIN_RELEVANCE });
  if (!answer) return null;
  const p = answer.best.passage;
  const title = p.heading && p.heading !== p.title ? `${p.title} — ${p.heading}` : p.title;
  const others = answer.hits.slice(1, 3).filter((h) => h.relevance >= 0.5);
  return {
    answer,
    source: { key: `doc:${p.documentId}`, question: p.title, url: p.url ?? "", kind: "document" },
    passages: [{ key: `doc:${p.documentId}#${p.position}`, question: title, answer: answer.quote }, ...others.map((h) => ({ key: `doc:${h.passage.documentId}#${h.passage.position}`, question: h.passage.title, answer: h.passage.text }))],
  };
}

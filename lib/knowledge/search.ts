// The admin console's search over the documents: the passages a question finds, with their
// relevance, and whether the bot would answer it from them (the same gate as the chat, over the
// lexical index; with an encoder loaded the chat may also re-rank by meaning).
import { detectLanguage } from "@/lib/faq/language";
import { answerFromDocuments, ANSWER_MIN_RELEVANCE } from "./answer";
import { knowledgeIndexFor } from "./tenant-index";

export interface KnowledgeSearchResult {
  answered: boolean;
  quote: string | null;
  threshold: number;
  passages: Array<{ documentId: string; title: string; heading: string | null; text: string; url: string | null; relevance: number }>;
}

export async function searchKnowledge(tenantId: string, question: string, language: string | null): Promise<KnowledgeSearchResult> {
  const index = await knowledgeIndexFor(tenantId);
  if (!index) return { answered: false, quote: null, threshold: ANSWER_MIN_RELEVANCE, passages: [] };
  const lang = language ?? detectLanguage(question);
  const hits = index.search(question, { language: lang, limit: 5 });
  const answer = answerFromDocuments(index, question, { language: lang });
  return {
    answered: answer !== null,
    quote: answer?.quote ?? null,
    threshold: ANSWER_MIN_RELEVANCE,
    passages: hits.map((h) => ({ documentId: h.passage.documentId, title: h.passage.title, heading: h.passage.heading, text: h.passage.text, url: h.passage.url, relevance: Math.round(h.relevance * 100) / 100 })),
  };
}

// Owns what the bot may say from the documents: the best passages for a question, whether they
// answer it at all (the relevance threshold), and the quote — the sentences of the best passage
// that hold the question's words, not the whole passage. Pure: the chat, the admin's test console
// and `npm run bench:knowledge` all call this, so what is measured is what customers get.
import type { IndexedPassage, KnowledgeIndex, PassageHit } from "./retrieve";
import { splitSentences } from "./sentences";
import { contentTerms } from "./terms";

/**
 * Least relevance (IDF-weighted share of the question's content words in the passage) for the bot
 * to answer from a document. Calibrated on evals/knowledge (BENCHMARKS.md): the lowest value that
 * keeps answers to questions the documents do not answer rare.
 */
export const ANSWER_MIN_RELEVANCE = 0.75;
/** When the FAQ model offered choices ("did you mean"), a passage replaces them only when it is this close. */
export const UPGRADE_MIN_RELEVANCE = 0.9;
/**
 * Least evidence, in units of a word found in one passage only: a question whose matched words
 * are all common in the documents ("where is the clinic?" against a clinic's articles) names no
 * topic the documents could answer.
 */
export const MIN_EVIDENCE = 0.8;
const MAX_QUOTE_CHARS = 600;

export interface KnowledgeAnswer {
  /** The passage answered from, and the runners-up (for a chat model's context). */
  best: PassageHit;
  hits: PassageHit[];
  /** The sentences of the best passage that answer, verbatim. */
  quote: string;
}

export interface AnswerOptions {
  language: string | null;
  queryVector?: Float32Array | null;
  minRelevance?: number;
}

export function answerFromDocuments(index: KnowledgeIndex, question: string, opts: AnswerOptions): KnowledgeAnswer | null {
  const hits = index.search(question, { language: opts.language, queryVector: opts.queryVector, limit: 5 });
  const best = hits[0];
  if (!best || best.relevance < (opts.minRelevance ?? ANSWER_MIN_RELEVANCE) || best.evidence < MIN_EVIDENCE * index.rareWordWeight) return null;
  const weights = index.queryTerms(question, opts.language).weights;
  return { best, hits, quote: quoteFor(best.passage, weights) };
}

/**
 * The passage's sentences that hold the question's words: the best one, the list it introduces
 * (a sentence ending in ":"), and a neighbour when it adds question words or the best is very
 * short. Original order; the whole passage when nothing stands out.
 */
export function quoteFor(passage: IndexedPassage, weights: Map<string, number>): string {
  const sentences = splitSentences(passage.text);
  if (sentences.length <= 1) return clip(passage.text);
  const termsOf = sentences.map((s) => new Set(contentTerms(s, passage.language)));
  const score = (i: number, covered: Set<string> = new Set()) => [...weights].reduce((a, [t, w]) => a + (termsOf[i].has(t) && !covered.has(t) ? w : 0), 0);
  let bestIndex = 0;
  for (let i = 1; i < sentences.length; i++) if (score(i) > score(bestIndex)) bestIndex = i;
  if (score(bestIndex) === 0) return clip(sentences.slice(0, 2).join(" "));
  const keep = new Set([bestIndex]);
  const covered = new Set([...weights.keys()].filter((t) => termsOf[bestIndex].has(t)));
  // A sentence that introduces a list brings the list.
  if (/:$/.test(sentences[bestIndex])) for (let i = bestIndex + 1; i < sentences.length && /^[-•]/.test(sentences[i]); i++) keep.add(i);
  // A list item brings the sentence that introduces it.
  if (/^[-•]/.test(sentences[bestIndex])) for (let i = bestIndex - 1; i >= 0; i--) if (!/^[-•]/.test(sentences[i]) || i === 0) { keep.add(i); break; }
  // The neighbours: kept when they add words of the question, or when the best sentence is too short to stand alone.
  for (const n of [bestIndex + 1, bestIndex - 1]) {
    if (n < 0 || n >= sentences.length || keep.size >= 3) continue;
    const short = sentences[bestIndex].split(/\s+/).length < 8;
    if (score(n, covered) > 0 || (short && n === bestIndex + 1)) {
      keep.add(n);
      for (const t of termsOf[n]) covered.add(t);
    }
  }
  return clip([...keep].sort((a, b) => a - b).map((i) => sentences[i]).join(passage.text.includes("\n") ? "\n" : " "));
}

function clip(text: string): string {
  if (text.length <= MAX_QUOTE_CHARS) return text;
  const cut = text.slice(0, MAX_QUOTE_CHARS);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("\n"));
  return end > MAX_QUOTE_CHARS / 2 ? cut.slice(0, end + 1).trim() : `${cut.trim()}…`;
}

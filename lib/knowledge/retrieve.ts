// Passage retrieval over one tenant's documents. Ranking: BM25 (MiniSearch, over Snowball stems,
// with one-typo tolerance for longer words) and, when a sentence encoder is loaded, the cosine of
// passage and question vectors fused with it. Whether a passage is relevant at all is a separate,
// lexical question: the share of the question's content words (weighted by how rare they are in
// the documents; a word the documents never use weighs most) that the passage contains. A
// question about something the documents do not mention therefore scores low however its other
// words match, and the bot declines instead of quoting a near miss.
import MiniSearch from "minisearch";
import { conceptsOf, contentTerms } from "./terms";

export interface IndexedPassage {
  id: string;
  documentId: string;
  title: string;
  url: string | null;
  heading: string | null;
  text: string;
  language: string;
  position: number;
  /** Unit-length sentence vector, when an encoder embedded the passage. */
  embedding?: Float32Array | null;
}

export interface PassageHit {
  passage: IndexedPassage;
  /** BM25 score (unbounded; for ranking). */
  score: number;
  /** IDF-weighted share of the question's content words found in the passage, 0..1. */
  relevance: number;
  /** Cosine similarity with the question, when both have vectors. */
  semantic: number | null;
  /** Stems of the question found in the passage. */
  matched: string[];
  /** The summed weight of those words: how much the question says that the passage matches. */
  evidence: number;
}

export interface QueryTerms {
  terms: string[];
  weights: Map<string, number>;
}

/** Question words about the kind of answer ("how much", "how long"): documents state the figure instead. */
const ANSWER_TYPE = new Set(["cost", "price", "much", "long", "time", "take", "mani", "cuest", "cost", "preci", "tard", "tiemp", "dur"]);
/**
 * Light words: common verbs and adjectives that rarely name what a question is about ("what
 * happens if…", "how fast…", "¿qué pasa si…?"). They count, like answer-type words, for less.
 */
const LIGHT = new Set(
  ("offer provid avail happen fast quick quickly slow type send sent take old new differ use make go come put give bring keep know need want tri work mean "
    + "way possibl allow let start stop find help usual normal real actual exact kind sort"
    + " ofrec ir pas pon llev deb teng ten dar veng ven usar hac sab quier necesit pued sirv funcion pid tip form maner part tod siempr nunc normal")
    .split(" ").filter(Boolean),
);
/** A question word matched only through the lexicon's concept ("gratis" for "gratuita") counts this much. */
const CONCEPT_CREDIT = 0.7;
const ANSWER_TYPE_WEIGHT = 0.35;

/** IDF smoothing: a collection of fewer passages is weighed as if it had this many. */
const MIN_PASSAGES = 20;

/** How much the encoder's ranking counts against BM25's (reciprocal-rank fusion weights). */
const SEMANTIC_WEIGHT = 0.5;
const RRF_K = 10;

export class KnowledgeIndex {
  private readonly search_: MiniSearch<{ i: number; title: string; heading: string; text: string }>;
  private readonly termSets: Array<Set<string>>;
  private readonly conceptSets: Array<Set<string>>;
  private readonly df = new Map<string, number>();

  constructor(readonly passages: IndexedPassage[]) {
    this.search_ = new MiniSearch({
      idField: "i",
      fields: ["title", "heading", "text"],
      // Texts arrive already reduced to stems (terms.ts), in each passage's own language.
      tokenize: (s) => s.split(" ").filter(Boolean),
      processTerm: (t) => t,
      searchOptions: { boost: { heading: 1.5, title: 1.2 }, combineWith: "OR" },
    });
    this.termSets = [];
    this.conceptSets = [];
    const docs = passages.map((p, i) => {
      const title = contentTerms(p.title, p.language);
      const heading = p.heading && p.heading !== p.title ? contentTerms(p.heading, p.language) : [];
      const text = contentTerms(p.text, p.language);
      const set = new Set([...title, ...heading, ...text]);
      this.termSets.push(set);
      this.conceptSets.push(new Set([...set].flatMap((t) => [...conceptsOf(t)])));
      for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { i, title: title.join(" "), heading: heading.join(" "), text: text.join(" ") };
    });
    this.search_.addAll(docs);
  }

  get size(): number {
    return this.passages.length;
  }

  /**
   * Inverse document frequency over passages; a word no passage has gets the highest weight. A
   * small collection counts as MIN_PASSAGES (the missing ones without the word), so a tenant's
   * first article does not make every one of its words look common.
   */
  idf(term: string): number {
    const n = Math.max(this.passages.length, MIN_PASSAGES);
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The weight of a word found in exactly one passage: the unit `evidence` is compared in. */
  get rareWordWeight(): number {
    const n = Math.max(this.passages.length, MIN_PASSAGES);
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  queryTerms(question: string, language: string | null): QueryTerms {
    const terms = [...new Set(contentTerms(question, language))];
    const weights = new Map(terms.map((t) => [t, this.idf(t) * (ANSWER_TYPE.has(t) || LIGHT.has(t) ? ANSWER_TYPE_WEIGHT : 1)]));
    return { terms, weights };
  }

  search(question: string, opts: { language: string | null; queryVector?: Float32Array | null; limit?: number }): PassageHit[] {
    const q = this.queryTerms(question, opts.language);
    if (q.terms.length === 0 || this.passages.length === 0) return [];
    const total = [...q.weights.values()].reduce((a, b) => a + b, 0);
    const results = this.search_.search(q.terms.join(" "), { fuzzy: (term) => (term.length >= 5 ? 1 : false), weights: { fuzzy: 0.5, prefix: 0.3 }, prefix: (term) => term.length >= 6 });
    const hits: PassageHit[] = results.map((r) => {
      const i = r.id as number;
      const set = this.termSets[i];
      // A fuzzy match (a typo) counts for the word it stands for.
      const matched = q.terms.filter((t) => set.has(t) || r.queryTerms.includes(t));
      const concepts = this.conceptSets[i];
      const viaConcept = q.terms.filter((t) => !matched.includes(t) && [...conceptsOf(t)].some((c) => concepts.has(c)));
      const found = matched.reduce((a, t) => a + (q.weights.get(t) ?? 0), 0) + CONCEPT_CREDIT * viaConcept.reduce((a, t) => a + (q.weights.get(t) ?? 0), 0);
      const relevance = total > 0 ? found / total : 0;
      const p = this.passages[i];
      const semantic = opts.queryVector && p.embedding ? dot(opts.queryVector, p.embedding) : null;
      return { passage: p, score: r.score, relevance, semantic, matched, evidence: found };
    });
    if (opts.queryVector) fuseSemantic(hits);
    return hits.slice(0, opts.limit ?? 10);
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Re-ranks lexical hits by reciprocal-rank fusion with the encoder's ranking of the same hits. */
function fuseSemantic(hits: PassageHit[]): void {
  const lexRank = new Map(hits.map((h, i) => [h, i]));
  const semRank = new Map([...hits].filter((h) => h.semantic !== null).sort((a, b) => (b.semantic ?? 0) - (a.semantic ?? 0)).map((h, i) => [h, i]));
  const fused = (h: PassageHit) => 1 / (RRF_K + lexRank.get(h)!) + (semRank.has(h) ? SEMANTIC_WEIGHT / (RRF_K + semRank.get(h)!) : 0);
  hits.sort((a, b) => fused(b) - fused(a));
}

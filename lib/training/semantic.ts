// The tenant model's semantic view: how well a message and each FAQ entry mean the same thing,
// beyond shared character n-grams. Words are stemmed (Snowball, English and Spanish), mapped to
// built-in concept groups (lexicon.ts), typo-corrected against the FAQ's vocabulary, and compared
// with pretrained English word vectors (word-vectors.ts) when both sides have one. A message is
// aligned word by word with each phrasing of an entry (a BERTScore-like soft match): `precision` is
// how much of the phrasing the message covers, `recall` how much of the message the phrasing covers.
// Entries also carry their answer text, which adds a weak third view ("my parcel never came" shares
// nothing with "How can I track my order?" but "tracking link" is in its answer).
import snowball from "snowball-stemmers";
import { CONCEPTS, STOPWORDS } from "./lexicon";
import { normalizeText, tokenize } from "./normalize";
import { cosine, getWordVectors, type WordVectors } from "./word-vectors";
import { detectTextLanguage } from "./text-language";
import { buildSpeller, correctWord, undiminish, type Speller } from "./spelling";

export interface Token {
  form: string;
  stem: string;
  concepts: readonly string[];
  vec: Float32Array | null;
  /** How vague a word's vector is: 1 for specific words, lower for very frequent ones ("time", "see"). */
  specificity: number;
  /** Informativeness (idf over the FAQ's entries, lowered for very common English words). */
  weight: number;
  /** Index into the FAQ's distinct tokens (FAQ tokens only; -1 for message tokens). */
  id: number;
}

export interface SemanticEntry {
  label: number;
  language: string | null;
  phrasings: Token[][];
  answer: Token[];
}

export interface SemanticScores {
  /** Per entry: best combined alignment score over its phrasings (0..1). */
  score: Float32Array;
  precision: Float32Array;
  recall: Float32Array;
  /** Share of the message's weight found in the entry's answer text. */
  answer: Float32Array;
  /** Share of the message's weight found in any phrasing of the entry (or its answer, at 0.7). */
  entryRecall: Float32Array;
  /** Share of the query's weight (context included) that matches anything in the FAQ (0..1): low = off-topic. */
  coverage: number;
  /** The same over the message's own words only. */
  ownCoverage: number;
  language: string | null;
  /** Content tokens in the message. */
  contentTokens: number;
}

const stemmers = { en: snowball.newStemmer("english"), es: snowball.newStemmer("spanish") };

function stemFor(word: string, lang: string | null): string {
  if (lang === "es") return stemmers.es.stem(word);
  if (lang === "en") return stemmers.en.stem(word);
  return stemmers.en.stem(word);
}

// Concepts by stem in either language, and multi-word phrases by their first word.
const conceptByStem = new Map<string, Set<string>>();
const phrasesByFirst = new Map<string, Array<{ words: string[]; concept: string }>>();
for (const [concept, list] of Object.entries(CONCEPTS)) {
  for (const entry of list) {
    const words = entry.split(" ");
    if (words.length > 1) {
      const l = phrasesByFirst.get(words[0]) ?? [];
      l.push({ words, concept });
      phrasesByFirst.set(words[0], l);
      continue;
    }
    for (const key of new Set([`en:${stemmers.en.stem(entry)}`, `es:${stemmers.es.stem(entry)}`, `w:${entry}`])) {
      const s = conceptByStem.get(key) ?? new Set<string>();
      s.add(concept);
      conceptByStem.set(key, s);
    }
  }
}
for (const l of phrasesByFirst.values()) l.sort((a, b) => b.words.length - a.words.length);

const LEXICON_WORDS: ReadonlySet<string> = new Set(Object.values(CONCEPTS).flat().flatMap((p) => p.split(" ")));

function conceptsOf(word: string, lang: string | null): string[] {
  const out = new Set<string>();
  for (const key of lang === "en" ? [`w:${word}`, `en:${stemmers.en.stem(word)}`] : lang === "es" ? [`w:${word}`, `es:${stemmers.es.stem(word)}`] : [`w:${word}`, `en:${stemmers.en.stem(word)}`, `es:${stemmers.es.stem(word)}`]) {
    for (const c of conceptByStem.get(key) ?? []) out.add(c);
  }
  return [...out];
}

interface RawToken {
  form: string;
  stem: string;
  concepts: string[];
}

/** Words → raw tokens: phrases first, stopwords dropped, stems and concepts attached. */
function rawTokens(words: string[], lang: string | null): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrases = phrasesByFirst.get(words[i]);
    const hit = phrases?.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push({ form: hit.words.join(" "), stem: `#${hit.concept}`, concepts: [hit.concept] });
      i += hit.words.length - 1;
      continue;
    }
    const w = words[i];
    const concepts = conceptsOf(w, lang);
    if (STOPWORDS.has(w) && concepts.length === 0) continue;
    if (w.length < 2 && !/\d/.test(w)) continue;
    out.push({ form: w, stem: stemFor(w, lang), concepts });
  }
  return out;
}

export interface SemanticIndex {
  entries: SemanticEntry[];
  numClasses: number;
  speller: Speller;
  idf: Map<string, number>;
  defaultIdf: number;
  wv: WordVectors | null;
  /** Normalised words of each language's entries (questions and answers). */
  vocabByLanguage: Map<string, Set<string>>;
  /** Number of distinct FAQ tokens (ids 0..n-1). */
  distinctTokens: number;
}

export interface EntryTexts {
  /** Entry index (label). */
  label: number;
  phrasings: string[];
  answer?: string;
  language?: string | null;
}

function tokenKey(t: RawToken): string {
  return t.concepts.length > 0 ? `#${t.concepts[0]}` : t.stem;
}

export function buildSemanticIndex(entries: EntryTexts[], numClasses: number, wv: WordVectors | null = getWordVectors()): SemanticIndex {
  // Vocabulary for typo correction: every word of the FAQ plus the lexicon's words.
  const vocab = new Set<string>(LEXICON_WORDS);
  const docs: Array<{ e: EntryTexts; lang: string | null; phr: RawToken[][]; ans: RawToken[] }> = [];
  const vocabByLanguage = new Map<string, Set<string>>();
  for (const e of entries) {
    const lang = e.language ?? null;
    const langVocab = lang ? (vocabByLanguage.get(lang) ?? vocabByLanguage.set(lang, new Set()).get(lang)!) : null;
    for (const w of tokenize(normalizeText(`${e.phrasings.join(" ")} ${e.answer ?? ""}`))) langVocab?.add(w);
    const phr = e.phrasings.map((p) => {
      const words = tokenize(normalizeText(p));
      for (const w of words) vocab.add(w);
      return rawTokens(words, lang ?? detectTextLanguage(p));
    });
    const aw = tokenize(normalizeText(e.answer ?? ""));
    for (const w of aw) vocab.add(w);
    docs.push({ e, lang, phr, ans: rawTokens(aw, lang ?? detectTextLanguage(e.answer ?? "")) });
  }
  // idf over entries (an entry = its phrasings and answer): words in every entry weigh little.
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const t of [...d.phr.flat(), ...d.ans]) seen.add(tokenKey(t));
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const N = Math.max(1, docs.length);
  const idf = new Map<string, number>();
  for (const [k, n] of df) idf.set(k, Math.log(1 + N / n));
  const defaultIdf = Math.log(1 + N);
  const index: SemanticIndex = { entries: [], numClasses, speller: buildSpeller([...vocab].map((w) => `w:${w}`)), idf, defaultIdf, wv, vocabByLanguage, distinctTokens: 0 };
  index.entries = docs.map((d) => ({
    label: d.e.label,
    language: d.lang,
    phrasings: d.phr.map((p) => p.map((t) => finish(index, t, d.lang))),
    answer: d.ans.map((t) => finish(index, t, d.lang)),
  }));
  // Distinct FAQ tokens get ids, so a message's similarity to each is computed once per message.
  const ids = new Map<string, number>();
  for (const e of index.entries) {
    for (const t of [...e.phrasings.flat(), ...e.answer]) {
      const key = `${t.form}\u0000${t.stem}\u0000${t.concepts.join(",")}\u0000${t.vec ? 1 : 0}\u0000${t.specificity}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      t.id = id;
    }
  }
  index.distinctTokens = ids.size;
  return index;
}

function finish(index: SemanticIndex, t: RawToken, lang: string | null): Token {
  const vec = index.wv && lang !== "es" && !t.form.includes(" ") ? index.wv.vector(t.form) : null;
  let weight = index.idf.get(tokenKey(t)) ?? index.defaultIdf;
  // Very common English words ("time", "need", "day") say little even when rare in the FAQ.
  const rank = index.wv && lang !== "es" ? index.wv.rank(t.form) : -1;
  if (rank >= 0 && t.concepts.length === 0) weight *= rank < 150 ? 0.3 : rank < 600 ? 0.6 : rank < 2000 ? 0.85 : 1;
  const specificity = rank < 0 ? 1 : rank < 300 ? 0.5 : rank < 1500 ? 0.8 : 1;
  return { form: t.form, stem: t.stem, concepts: t.concepts, vec, weight, specificity, id: -1 };
}

/**
 * The FAQ language whose own words the message uses most ("lectura contador luz" shares three
 * words with the Spanish entries and none with the English ones), or null when it is unclear.
 * Short messages that a general detector cannot place often can be placed this way.
 */
export function guessLanguageFromFaq(index: SemanticIndex, text: string): string | null {
  if (index.vocabByLanguage.size < 2) return null;
  // Content words only: "me", "a", "no" are function words in both languages and would tip an
  // English "tell me a joke" to Spanish.
  const words = tokenize(normalizeText(text)).filter((w) => w.length >= 3 && !/\d/.test(w) && !STOPWORDS.has(w));
  const counts = [...index.vocabByLanguage].map(([lang, v]) => ({ lang, n: words.filter((w) => v.has(w)).length }));
  counts.sort((a, b) => b.n - a.n);
  if (counts[0].n === 0 || counts[0].n - (counts[1]?.n ?? 0) < 1) return null;
  return counts[0].lang;
}

/** Message → tokens, typo-corrected against the FAQ vocabulary. */
export function analyzeMessage(index: SemanticIndex, text: string, lang: string | null): Token[] {
  const words = tokenize(normalizeText(text)).map((w) => {
    if (index.wv && index.wv.rank(w) >= 0 && index.wv.rank(w) < 60_000) return w;
    if (lang !== "en") {
      const base = undiminish(w, index.speller.known);
      if (base) return base;
    }
    return correctWord(w, index.speller);
  });
  return rawTokens(words, lang).map((t) => finish(index, t, lang));
}

/** Similarity of two tokens in 0..1. */
export function tokenSimilarity(a: Token, b: Token): number {
  if (a.form === b.form || (a.stem === b.stem && a.stem.length >= 3)) return 1;
  for (const c of a.concepts) if (b.concepts.includes(c)) return 0.85;
  if (a.vec && b.vec) {
    // Frequent words have vague vectors ("life" is close to "time"): their likeness counts less.
    const vague = Math.min(a.specificity, b.specificity);
    const cos = cosine(a.vec, b.vec);
    if (cos >= 0.75) return 0.8 * vague;
    if (cos > 0.42) return ((cos - 0.42) / 0.33) * 0.8 * vague;
    return 0;
  }
  // No vectors to compare (Spanish, rare words): words of one family share a long beginning
  // ("blanquear" / "blanqueamiento", "devolver" / "devolución") that stemming alone misses.
  return sharedPrefix(a.stem, b.stem) ? 0.7 : 0;
}

function sharedPrefix(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || a[0] === "#" || b[0] === "#") return false;
  let n = 0;
  while (n < shorter && a[n] === b[n]) n++;
  return n >= 6 || (n >= 5 && n >= 0.8 * shorter);
}

/** Similarity of message token i to FAQ token b, computed once per message (cache: msg × distinct FAQ tokens). */
type Sim = (i: number, b: Token) => number;

function cachedSimilarity(msg: Token[], distinct: number): Sim {
  const cache = new Float32Array(msg.length * Math.max(1, distinct)).fill(-1);
  return (i, b) => {
    if (b.id < 0) return tokenSimilarity(msg[i], b);
    const k = i * distinct + b.id;
    let v = cache[k];
    if (v < 0) cache[k] = v = tokenSimilarity(msg[i], b);
    return v;
  };
}

function align(msg: Token[], msgWeights: number[], doc: Token[], sim: Sim = (i, b) => tokenSimilarity(msg[i], b)): { p: number; r: number } {
  if (msg.length === 0 || doc.length === 0) return { p: 0, r: 0 };
  const best = new Float32Array(msg.length);
  let pNum = 0;
  let pDen = 0;
  for (const b of doc) {
    let m = 0;
    for (let i = 0; i < msg.length; i++) {
      const s = sim(i, b);
      if (s > m) m = s;
      if (s > best[i]) best[i] = s;
    }
    pNum += b.weight * m;
    pDen += b.weight;
  }
  let rNum = 0;
  let rDen = 0;
  for (let i = 0; i < msg.length; i++) {
    rNum += msgWeights[i] * best[i];
    rDen += msgWeights[i];
  }
  return { p: pDen > 0 ? pNum / pDen : 0, r: rDen > 0 ? rNum / rDen : 0 };
}

/** Combined alignment score of one phrasing: mostly "does the message cover the phrasing". */
export function combine(p: number, r: number): number {
  return 0.6 * p + 0.4 * r;
}

/**
 * Scores a message against every entry (or only `only`). `context` tokens (from the previous
 * question, for elliptical follow-ups) join the message with a lower weight.
 */
export function scoreMessage(
  index: SemanticIndex,
  text: string,
  opts: { language?: string | null; context?: Token[]; contextWeight?: number; only?: number[]; /** Leave out one phrasing, or a whole entry (evaluation). */ skip?: { label: number; phrasing?: number } } = {},
): SemanticScores & { tokens: Token[] } {
  const lang = opts.language ?? detectTextLanguage(text);
  const own = analyzeMessage(index, text, lang);
  const ctx = (opts.context ?? []).filter((c) => !own.some((t) => tokenSimilarity(t, c) >= 0.85));
  const msg = [...own, ...ctx];
  // The context completes the message but must not outweigh it: its total weight is capped at
  // 80 % of the message's own (a message of two words keeps its meaning after a long question).
  const ownTotal = own.reduce((a, t) => a + t.weight, 0);
  const ctxTotal = ctx.reduce((a, t) => a + t.weight, 0) * (opts.contextWeight ?? 0.6);
  const ctxScale = (opts.contextWeight ?? 0.6) * (ownTotal > 0 && ctxTotal > 0.8 * ownTotal ? (0.8 * ownTotal) / ctxTotal : 1);
  const weights = [...own.map((t) => t.weight), ...ctx.map((t) => t.weight * ctxScale)];
  const C = index.numClasses;
  const score = new Float32Array(C);
  const precision = new Float32Array(C);
  const recall = new Float32Array(C);
  const answer = new Float32Array(C);
  const entryRecall = new Float32Array(C);
  const matched = new Float32Array(msg.length);
  const sim = cachedSimilarity(msg, index.distinctTokens);
  const perEntry = new Float32Array(msg.length);
  const only = opts.only ? new Set(opts.only) : null;
  for (const e of index.entries) {
    if (only && !only.has(e.label)) continue;
    const skip = opts.skip?.label === e.label ? opts.skip : null;
    if (skip && skip.phrasing === undefined) continue;
    perEntry.fill(0);
    for (const [pi, ph] of e.phrasings.entries()) {
      if (skip && skip.phrasing === pi) continue;
      const { p, r } = align(msg, weights, ph, sim);
      const s = combine(p, r);
      if (s > score[e.label]) {
        score[e.label] = s;
        precision[e.label] = p;
        recall[e.label] = r;
      }
      for (let i = 0; i < msg.length; i++) for (const b of ph) perEntry[i] = Math.max(perEntry[i], sim(i, b));
    }
    for (let i = 0; i < msg.length; i++) for (const b of e.answer) perEntry[i] = Math.max(perEntry[i], 0.7 * sim(i, b));
    let rn = 0;
    let rd = 0;
    for (let i = 0; i < msg.length; i++) {
      matched[i] = Math.max(matched[i], perEntry[i]);
      rn += weights[i] * perEntry[i];
      rd += weights[i];
    }
    entryRecall[e.label] = rd > 0 ? rn / rd : 0;
    const a = align(msg, weights, e.answer, sim);
    if (a.r > answer[e.label]) answer[e.label] = a.r;
  }
  // Coverage over the whole query (context included), and over the message's own words.
  let num = 0;
  let den = 0;
  let ownNum = 0;
  let ownDen = 0;
  for (let i = 0; i < msg.length; i++) {
    num += weights[i] * matched[i];
    den += weights[i];
    if (i < own.length) {
      ownNum += weights[i] * matched[i];
      ownDen += weights[i];
    }
  }
  return { score, precision, recall, answer, entryRecall, coverage: den > 0 ? num / den : 0, ownCoverage: ownDen > 0 ? ownNum / ownDen : 0, language: lang, contentTokens: own.length, tokens: own };
}

// The words retrieval compares: lower-cased words, function words dropped, the rest reduced to
// Snowball stems in the text's language (English and Spanish; other languages keep whole words),
// then folded like the project's normalizeText (accents removed) — stems are taken before the
// accents go, since the Spanish stemmer needs them ("atendéis" → "atend"). Each term may also
// stand for a customer-service concept of the built-in bilingual lexicon ("gratis" / "free" /
// "gratuita"), which retrieval counts as a weaker match. Documents and questions go through the
// same steps.
import snowball from "snowball-stemmers";
import { CONCEPTS, STOPWORDS } from "@/lib/training/lexicon";

const stemmers: Record<string, { stem(word: string): string }> = { en: snowball.newStemmer("english"), es: snowball.newStemmer("spanish") };

// Words that carry no topic in a question to a help centre, beyond the shared stop words:
// question words (the document states the answer, not the question) and auxiliary verbs.
const EXTRA_STOP = new Set(
  ("where when whats does doe did do can could would will shall may might able possible way ways thing things one ones someone something anything " +
    "am is are be been being have has had get gets getting got there any " +
    "cuanto cuanta cuantos cuantas donde cuando adonde hacer hace hacen haceis hacemos puedo puede pueden podeis podemos podria se sabe saber " +
    "teneis tenemos tienes dais dan da dar ofreceis hay alguna algun como cual cuales quien mi mis su sus tu tus " +
    "vuestro vuestra vuestros vuestras nuestro nuestra nuestros nuestras usted ustedes").split(" "),
);

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "");

export function isStopWord(folded: string): boolean {
  return STOPWORDS.has(folded) || EXTRA_STOP.has(folded);
}

function stemmerFor(language: string | null) {
  return stemmers[(language ?? "en").slice(0, 2)] ?? null;
}

/** Lower-cased words with their accents (for the stemmer), apostrophes dropped. */
function words(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’`´]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function stemWord(word: string, language: string | null): string {
  const stemmer = stemmerFor(language);
  if (!stemmer || /\d/.test(word)) return fold(word);
  return fold(stemmer.stem(word));
}

/** The content terms of a text, in order (repeats kept, for term frequencies). */
export function contentTerms(text: string, language: string | null): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const f = fold(w);
    if (isStopWord(f) || (f.length < 2 && !/\d/.test(f))) continue;
    out.push(stemWord(w, language));
  }
  return out;
}

// Concepts by stem in either language (single words of the lexicon).
const conceptsByStem = new Map<string, Set<string>>();
for (const [concept, list] of Object.entries(CONCEPTS)) {
  for (const entry of list) {
    if (entry.includes(" ")) continue;
    for (const lang of ["en", "es"]) {
      const stem = stemWord(entry, lang);
      const set = conceptsByStem.get(stem) ?? new Set<string>();
      set.add(concept);
      conceptsByStem.set(stem, set);
    }
  }
}

/** The lexicon's concepts a term (a stem from contentTerms) stands for. */
export function conceptsOf(term: string): ReadonlySet<string> {
  return conceptsByStem.get(term) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

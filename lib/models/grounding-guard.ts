// Decides whether a generated answer stays within the FAQ passages it was given. Two checks:
// (1) every figure, URL, email address and price in the answer appears in the passages (a
// made-up phone number or price is the costliest kind of hallucination); (2) most content words
// of the answer (stop words removed, accents and case folded, light stemming) occur in the
// passages. Works the same for Spanish and English; cheap enough to run on every reply.

export interface GuardVerdict {
  ok: boolean;
  /** Share of the answer's content words found in the passages (0..1). */
  support: number;
  unsupportedWords: string[];
  unsupportedFacts: string[];
  /** Plain-words reason when rejected. */
  reason?: string;
}

export interface GuardOptions {
  /** Minimum share of supported content words. */
  minSupport?: number;
}

const STOP_WORDS = new Set(
  (
    // English
    "a an the and or but if then so to of in on at by for with from as is are was were be been being it its this that these those " +
    "you your yours we our ours they their them he she his her i me my can could will would should may might must do does did not no " +
    "yes have has had there here what which who whom when where why how all any some more most other such only own same than too very " +
    "just also about into over after before under again once please thank thanks hello hi sorry sure help glad happy question answer " +
    // Spanish
    "el la los las un una unos unas y o u pero si sino que de del en a al por para con sin sobre entre es son era eran fue ser estar " +
    "esta este esto estos estas ese esa eso esos esas aqui alli hay su sus tu tus usted ustedes nos nuestro nuestra nosotros ellos " +
    "ellas le les lo se me mi mis te ya muy mas menos tambien como cuando donde quien cual cuales puede pueden podemos debe no si " +
    "gracias hola claro ayuda ayudar pregunta respuesta favor otro otra otros otras todo toda todos todas cada mismo misma"
  ).split(/\s+/),
);

/** Lower case, accents removed: "Envío" and "envio" are the same word. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Crude shared stem for Spanish and English inflections (plural, gender, common suffixes). */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(mente|ciones|cion|ing|ed|es|s|as|os|a|o|e)$/u, "").slice(0, 6);
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"')]+/giu;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/giu;
// Figures: 24, 24/7, 10:30, 3.50, 1,000, 15%, +34 600 000 000 (digits with separators).
const NUMBER_RE = /\d+(?:[.,:/\-\s]\d+)*/gu;

function trimTrailing(s: string): string {
  return s.replace(/[.,;:!?]+$/u, "");
}

/** Figures, URLs and emails in a text, normalised for comparison. */
export function extractFacts(text: string): string[] {
  const folded = fold(text);
  const facts: string[] = [];
  for (const m of folded.matchAll(URL_RE)) facts.push(trimTrailing(m[0]).replace(/^https?:\/\//, "").replace(/\/$/, ""));
  for (const m of folded.matchAll(EMAIL_RE)) facts.push(trimTrailing(m[0]));
  const withoutLinks = folded.replace(URL_RE, " ").replace(EMAIL_RE, " ");
  for (const m of withoutLinks.matchAll(NUMBER_RE)) facts.push(m[0].replace(/\s+/g, ""));
  return facts;
}

function contentWords(text: string): string[] {
  const words = fold(text)
    .replace(URL_RE, " ")
    .replace(EMAIL_RE, " ")
    .match(/\p{L}+/gu);
  return (words ?? []).filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

function factInSource(fact: string, sourceCompact: string): boolean {
  if (!/^\d/.test(fact)) return sourceCompact.includes(fact);
  // A figure must match whole: "1" is not supported by "10".
  const escaped = fact.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(^|[^\\d])${escaped}([^\\d]|$)`, "u").test(sourceCompact);
}

/** The passages prepared once, for checking a streamed answer repeatedly. */
export class GroundingSource {
  private readonly compact: string;
  private readonly words: Set<string>;
  private readonly stems: Set<string>;

  constructor(passages: string[]) {
    const source = passages.join("\n");
    this.compact = fold(source).replace(/\s+/g, "");
    this.words = new Set(contentWords(source));
    this.stems = new Set([...this.words].map(stem));
  }

  /** Figures, links and emails of `text` that the passages do not contain. */
  unsupportedFacts(text: string): string[] {
    return extractFacts(text).filter((f) => !factInSource(f, this.compact));
  }

  check(answer: string, opts: GuardOptions = {}): GuardVerdict {
    const minSupport = opts.minSupport ?? 0.7;
    const unsupportedFacts = this.unsupportedFacts(answer);
    const words = contentWords(answer);
    const unsupportedWords = words.filter((w) => !this.words.has(w) && !this.stems.has(stem(w)));
    const support = words.length === 0 ? 0 : (words.length - unsupportedWords.length) / words.length;

    let reason: string | undefined;
    if (answer.trim().length === 0) reason = "the model produced no text";
    else if (unsupportedFacts.length > 0) reason = `figures or links not in the FAQ: ${unsupportedFacts.slice(0, 3).join(", ")}`;
    else if (words.length === 0) reason = "the answer has no content words to check";
    else if (support < minSupport) reason = `only ${Math.round(support * 100)}% of the answer's words come from the FAQ`;
    return { ok: reason === undefined, support, unsupportedWords: [...new Set(unsupportedWords)], unsupportedFacts, reason };
  }
}

export function checkGrounding(answer: string, passages: string[], opts: GuardOptions = {}): GuardVerdict {
  return new GroundingSource(passages).check(answer, opts);
}

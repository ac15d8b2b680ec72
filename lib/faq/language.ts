// Owns language codes: which codes an FAQ may declare (ISO 639-1), how admins may spell them,
// and a small dictionary-based detector used both by the FAQ import (entries without a language)
// and by the chat (to answer a customer in their language). No model: it must work on a single
// word like "hola" and must say null rather than guess when the text could be several languages.

/** Every ISO 639-1 two-letter code; anything else is rejected as an FAQ language. */
export const ISO_639_1_CODES: ReadonlySet<string> = new Set(
  (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz " +
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii " +
    "ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi " +
    "mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw " +
    "sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk " +
    "ur uz ve vi vo wa wo xh yi yo za zh zu"
  ).split(" "),
);

/** Languages detectLanguage can recognise. */
export const DETECTABLE_LANGUAGES = ["es", "en", "pt", "fr", "de", "it", "ca"] as const;
export type DetectableLanguage = (typeof DETECTABLE_LANGUAGES)[number];

// Admins write "Spanish", "Español" or "es-ES" in spreadsheets; accept those for the common languages.
const LANGUAGE_NAMES: Record<string, string> = {
  spanish: "es", espanol: "es", castellano: "es", english: "en", ingles: "en",
  portuguese: "pt", portugues: "pt", french: "fr", frances: "fr", francais: "fr",
  german: "de", aleman: "de", deutsch: "de", italian: "it", italiano: "it",
  catalan: "ca", catala: "ca",
};

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Turns what an admin wrote in a language field into an ISO 639-1 code, or null if it is not one.
 * Accepts "es", "ES", "es-ES", "pt_BR" (region dropped) and English/Spanish names of common languages.
 */
export function resolveLanguageCode(value: string): string | null {
  const folded = fold(value.trim());
  const named = LANGUAGE_NAMES[folded];
  if (named) return named;
  const match = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/.exec(folded);
  if (!match) return null;
  return ISO_639_1_CODES.has(match[1]) ? match[1] : null;
}

// Words are stored without accents because customers often type without them. A word listed for
// several languages counts for each, divided by how many share it; "strong" words (greetings,
// thanks, clearly one language) count double so one of them decides a one-word message.
type Lexicon = { common: string; strong: string };
const LEXICONS: Record<DetectableLanguage, Lexicon> = {
  es: {
    strong:
      "hola gracias buenos buenas adios hasta luego donde cuanto cuanta cuantos cuantas cuesta cuestan quiero " +
      "necesito puedo tengo envio envios devolucion devoluciones llegado llega llegar tarjeta tienda ayuda usted " +
      "ustedes vale perdon disculpa disculpe tambien porque hacer hace hacen aqui alli manana semana horario " +
      "cerrado abierto comprar cambiar pagar factura contrasena cual cuales esto eso ese estos estas donde " +
      "tiene tienen queria quisiera saber mismo ningun ninguna nuevo nueva regalo envian enviais haceis hora horas abris abren seguimiento enviar recibir recibido " +
      "producto productos talla tallas tarda tardan llamar telefono correo direccion " +
      "cuentame dime dame oye mira funciona funcionan sirve chiste ayudame explicame puedes podes podeis sabes quieres",
    common:
      "el los las del la de que y o en un una unos unas con por para es son esta estan estoy mi mis tu su sus " +
      "lo le al se me te a no si ya muy pero como cuando hay nada pedido precio dia dias gratis todo todos este ha he " +
      "han sin mas hoy ahora bien",
  },
  en: {
    strong:
      "hello hi hey thanks thank please where what when why who which the is are was were my your our you " +
      "order orders shipping delivery refund return returns much many does did dont doesnt cant wont would " +
      "could should want need help account password gift card cards store hours track tracking free payment " +
      "pay cost costs price prices get have has with from this that there here yes about any can will how " +
      "and of to",
    common: "a an or in on for i me we it do be at by if not open no",
  },
  pt: {
    strong:
      "ola obrigado obrigada voce voces nao sim onde quanto quanta custa custam meu minha meus minhas entrega " +
      "frete isso estou tenho tem pode posso quero preciso ajuda boa noite muito tambem ainda qual seu sua " +
      "encomenda loja cartao devolucao",
    common:
      "do da dos das no na nos nas em um uma com para por que e o os as a ao esta como quando porque ja aqui " +
      "pedido dia tarde mais de se mas bom",
  },
  fr: {
    strong:
      "bonjour bonsoir salut merci oui je vous nous ils elle est sont avec dans pas ne mon mes votre vos cette " +
      "combien commande livraison prix coute aide comment pourquoi avez suis peux veux besoin tres qui quoi " +
      "ou carte cadeau magasin remboursement",
    common: "tu il le la les un une des du de et que pour sur ce au aux plus non a",
  },
  de: {
    strong:
      "hallo danke bitte ja nein ich wir ihr der die das den dem ein eine einen und ist sind nicht mit fur " +
      "von zu auf wie was wo wann warum wer mein meine ihre bestellung lieferung versand kostet preis hilfe " +
      "kann konnen habe haben gibt guten tag morgen abend auch noch schon sehr oder aber geschenkkarte",
    common: "es sie du er des zu",
  },
  it: {
    strong:
      "ciao buongiorno buonasera grazie prego io lui lei noi voi gli della dei delle che non come dove " +
      "perche quanto quanta costa costano ordine spedizione consegna prezzo aiuto mio mia miei sono ho hanno " +
      "voglio vorrei anche molto gia questo questa qui negozio rimborso",
    common: "il lo la i le un una uno di del e per con su no si mi ha quando a",
  },
  ca: {
    strong:
      "bon bona gracies merces jo ell nosaltres vosaltres els uns unes amb quant quanta comanda enviament " +
      "lliurament preu meu meva meus seva puc vull necessito tinc molt tambe aixo aquest aquesta aqui perque " +
      "avui dema ara doncs ho botiga targeta",
    common: "hi el la les un una de del dels i es per que on quan com costa ajuda seu te mes pero no si ha han tu a",
  },
};

type WordTable = Map<string, Array<{ lang: DetectableLanguage; weight: number }>>;

function buildWordTable(): WordTable {
  const table: WordTable = new Map();
  for (const lang of DETECTABLE_LANGUAGES) {
    for (const [list, weight] of [[LEXICONS[lang].strong, 2], [LEXICONS[lang].common, 1]] as const) {
      for (const word of list.split(/\s+/).filter(Boolean)) {
        const entries = table.get(word) ?? [];
        if (!entries.some((e) => e.lang === lang)) entries.push({ lang, weight });
        table.set(word, entries);
      }
    }
  }
  return table;
}

const WORDS = buildWordTable();

/** The languages whose built-in word lists have this (folded, lower-case) word. */
export function lexiconLanguages(word: string): DetectableLanguage[] {
  return (WORDS.get(word) ?? []).map((e) => e.lang);
}

// Characters that only some of the languages use; weights are per occurrence, capped per text.
const CHARACTER_HINTS: Array<{ pattern: RegExp; langs: Partial<Record<DetectableLanguage, number>> }> = [
  { pattern: /[¿¡]/g, langs: { es: 3 } },
  { pattern: /ñ/gi, langs: { es: 2 } },
  { pattern: /[ãõ]/gi, langs: { pt: 2 } },
  { pattern: /ß/g, langs: { de: 2 } },
  { pattern: /[äöü]/gi, langs: { de: 1.5 } },
  { pattern: /l·l/gi, langs: { ca: 3 } },
  { pattern: /ç/gi, langs: { fr: 0.7, pt: 0.7, ca: 0.7 } },
  { pattern: /[êâîôû]/gi, langs: { fr: 1, pt: 0.5 } },
  { pattern: /[àèò]/gi, langs: { it: 0.7, ca: 0.7, fr: 0.4 } },
  { pattern: /[áíóú]/gi, langs: { es: 0.7, pt: 0.5 } },
];

// Endings of words missing from the lexicons; weak evidence, only to tip longer texts.
const SUFFIX_HINTS: Array<{ pattern: RegExp; langs: Partial<Record<DetectableLanguage, number>> }> = [
  { pattern: /(cion|ciones)$/, langs: { es: 0.5 } },
  { pattern: /(ing|ly|ness)$/, langs: { en: 0.4 } },
  { pattern: /(cao|coes)$/, langs: { pt: 0.5 } },
  { pattern: /(ung|keit|heit|lich|sch)$/, langs: { de: 0.5 } },
  { pattern: /(zione|zioni)$/, langs: { it: 0.5 } },
  { pattern: /(ció|cio)$/, langs: { ca: 0.4 } },
  { pattern: /(eux|euse|ement)$/, langs: { fr: 0.4 } },
];

/** Scores per detectable language; exported for tests and for callers that want to break ties. */
export function scoreLanguages(text: string): Record<DetectableLanguage, number> {
  const scores = Object.fromEntries(DETECTABLE_LANGUAGES.map((l) => [l, 0])) as Record<DetectableLanguage, number>;
  for (const hint of CHARACTER_HINTS) {
    const count = Math.min(text.match(hint.pattern)?.length ?? 0, 3);
    for (const [lang, weight] of Object.entries(hint.langs)) scores[lang as DetectableLanguage] += count * weight;
  }
  // Apostrophes split French/Catalan elisions ("l'envoi", "d'un") and English contractions ("don't" → "dont").
  const tokens = fold(text)
    .replace(/n['’]t\b/g, "nt")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !/^\d+$/.test(t));
  for (const token of tokens) {
    const entries = WORDS.get(token);
    if (entries) {
      for (const { lang, weight } of entries) scores[lang] += weight / entries.length;
      continue;
    }
    if (token.length < 5) continue;
    for (const hint of SUFFIX_HINTS) {
      if (!hint.pattern.test(token)) continue;
      for (const [lang, weight] of Object.entries(hint.langs)) scores[lang as DetectableLanguage] += weight;
    }
  }
  return scores;
}

/**
 * Best guess at the language of a short or long text, or null when there is too little evidence
 * (e.g. "ok", "12345") or two languages are too close (e.g. "pedido": Spanish or Portuguese).
 */
export function detectLanguage(text: string): DetectableLanguage | null {
  const scores = scoreLanguages(text);
  const ranked = (Object.entries(scores) as Array<[DetectableLanguage, number]>).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best[1] < 1) return null;
  // Require a clear lead: half the winner's score on short texts, a third on long ones.
  const margin = best[1] >= 8 ? best[1] / 3 : best[1] / 2;
  if (best[1] - second[1] < margin) return null;
  return best[0];
}

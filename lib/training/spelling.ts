// Light typo correction against the FAQ's own word vocabulary: an unknown word is replaced by the
// single known word one edit away (insert, delete, substitute, transpose). Ambiguous or distant
// words are left alone — character n-grams still match them partially.

export interface Speller {
  known: Set<string>;
  /** deletion-variant → known words producing it (symmetric-delete index, distance 1). */
  deletes: Map<string, string[]>;
}

const MIN_LENGTH = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function buildSpeller(vocab: string[]): Speller {
  const known = new Set<string>();
  for (const k of vocab) if (k.startsWith("w:") && !k.includes(" ")) known.add(k.slice(2));
  const deletes = new Map<string, string[]>();
  for (const w of known) {
    if (w.length < MIN_LENGTH - 1) continue;
    for (const d of [w, ...deletions(w)]) {
      const list = deletes.get(d);
      if (list) {
        if (!list.includes(w)) list.push(w);
      } else deletes.set(d, [w]);
    }
  }
  return { known, deletes };
}

export function isOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    const diff: number[] = [];
    for (let i = 0; i < la; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

export function correctWord(word: string, sp: Speller): string {
  if (word.length < MIN_LENGTH || sp.known.has(word) || /\d/.test(word)) return word;
  const found = new Set<string>();
  for (const d of [word, ...deletions(word)]) {
    for (const cand of sp.deletes.get(d) ?? []) if (isOneEdit(word, cand)) found.add(cand);
  }
  return found.size === 1 ? [...found][0] : word;
}

/**
 * A Spanish diminutive of a known word ("perrito" → "perro", "cafecito" → "cafe", "poquito" →
 * "poco", "ratito" → "rato"), or null. Customers use them freely; FAQs almost never do.
 */
// Words that end like a diminutive and are not one.
const NOT_DIMINUTIVE = new Set(
  ("visita visitas bonito bonita bonitos bonitas maldito maldita exito exitos favorito favorita favoritos gratuito gratuita gratuitos credito creditos " +
    "debito deposito depositos requisito requisitos escrito escrita inscrito inscrita circuito distrito infinito merito proposito apetito transito " +
    "necesito permito repito habito bendito frito frita fritos quito quita quitas gasto marito cabrito mosquito delito delitos precito solicito solicita " +
    "limita limito imita evita evito admite invita invito medita edita edito acredita habilita deposita").split(" "),
);

export function undiminish(word: string, known: ReadonlySet<string>): string | null {
  const m = /^(.{2,}?)(cit|it)(o|a|os|as)$/.exec(word);
  if (!m || word.length < 6 || known.has(word) || NOT_DIMINUTIVE.has(word)) return null;
  const [, stem, , end] = m;
  const plural = end.endsWith("s") ? "s" : "";
  const bases = [stem.replace(/qu$/, "c").replace(/gu$/, "g"), stem];
  for (const b of bases) {
    for (const cand of [b + end, b + (end.startsWith("o") ? "o" : "a") + plural, b + (end.startsWith("o") ? "o" : "a"), b + "e" + plural, b + "es", b]) {
      if (cand.length >= 3 && known.has(cand)) return cand;
    }
  }
  return null;
}

export function correctTokens(tokens: string[], sp: Speller): string[] {
  return tokens.map((t) => correctWord(t, sp));
}

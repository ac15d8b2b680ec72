// Owns the field names admins may use (CSV headers, JSON properties) in English and Spanish, and
// the "did you mean" suggestion for names that match none of them.
import type { FaqField } from "./types";

const ALIASES: Record<FaqField, string[]> = {
  question: ["question", "pregunta"],
  answer: ["answer", "respuesta"],
  alternatives: ["alternatives", "alternativas", "alternative", "alternativa"],
  category: ["category", "categoría", "categoria"],
  language: ["language", "idioma", "lang"],
  key: ["key", "id", "clave"],
};

export const FIELD_ORDER: FaqField[] = ["question", "answer", "alternatives", "category", "language", "key"];

// Accents, case, spaces and underscores do not matter in a header: "Categoría", "CATEGORIA ".
function foldName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_\-]+/g, "");
}

const BY_ALIAS = new Map<string, FaqField>(
  (Object.entries(ALIASES) as Array<[FaqField, string[]]>).flatMap(([field, names]) =>
    names.map((n) => [foldName(n), field] as [string, FaqField]),
  ),
);

export function fieldForName(name: string): FaqField | null {
  return BY_ALIAS.get(foldName(name)) ?? null;
}

/** "question (pregunta), answer (respuesta), …" for messages. */
export function acceptedFieldsText(): string {
  return FIELD_ORDER.map((f) => {
    const [main, ...others] = ALIASES[f];
    const shown = others.filter((o) => !["alternativa", "alternative", "categoria"].includes(o));
    return shown.length ? `${main} (${shown.join(", ")})` : main;
  }).join(", ");
}

// Optimal string alignment distance: a swapped pair of letters ("categroy") counts as one typo.
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The accepted name closest to a misspelt one ("categry" → "category"), or null if none is close. */
export function suggestFieldName(name: string): string | null {
  const folded = foldName(name);
  if (!folded) return null;
  let best: { alias: string; distance: number } | null = null;
  for (const names of Object.values(ALIASES)) {
    for (const alias of names) {
      const target = foldName(alias);
      const distance = target.startsWith(folded) || folded.startsWith(target) ? 1 : editDistance(folded, target);
      if (!best || distance < best.distance) best = { alias, distance };
    }
  }
  if (!best) return null;
  return best.distance <= Math.max(1, Math.floor(best.alias.length / 3)) ? best.alias : null;
}

export function unknownFieldMessage(name: string, where: string, kind: "column" | "field"): string {
  const suggestion = suggestFieldName(name);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : "";
  return (
    `${where}: unknown ${kind} "${name}".${hint} Rename or remove it. ` +
    `Accepted ${kind}s: ${acceptedFieldsText()}.`
  );
}

// Owns grouping similar questions: "cuanto cuesta el envio", "¿Cuánto cuesta el envío?" and
// "cuanto cuesta el envio a canarias" end up in one group. Texts are folded (case, accents,
// punctuation) and compared by the Jaccard similarity of their character trigrams, which copes
// with typos and word order without any model. Greedy single pass over distinct texts, most
// frequent first, so each group's representative is its most frequent phrasing. Pure.
import { normalizeQuestion } from "@/lib/faq/keys";

export interface QuestionSample {
  text: string;
  /** Optional language hint of the sample (conversation language). */
  language?: string | null;
}

export interface QuestionCluster {
  representative: string;
  count: number;
  /** Distinct phrasings, most frequent first (the representative included). */
  examples: string[];
  language: string | null;
}

export function trigrams(normalized: string): Set<string> {
  const padded = `  ${normalized} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) inter++;
  return inter / (a.size + b.size - inter);
}

interface Distinct {
  norm: string;
  grams: Set<string>;
  count: number;
  /** Original phrasings with their counts (the first seen spelling of each). */
  texts: Map<string, number>;
  languages: Map<string, number>;
}

interface Group {
  members: Distinct[];
  grams: Set<string>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export function clusterQuestions(samples: QuestionSample[], opts: { threshold?: number; maxExamples?: number; limit?: number } = {}): QuestionCluster[] {
  const threshold = opts.threshold ?? 0.5;
  const maxExamples = opts.maxExamples ?? 5;
  const distinct = new Map<string, Distinct>();
  for (const s of samples) {
    const text = s.text.trim().replace(/\s+/g, " ");
    const norm = normalizeQuestion(text);
    if (!norm) continue;
    let d = distinct.get(norm);
    if (!d) distinct.set(norm, (d = { norm, grams: trigrams(norm), count: 0, texts: new Map(), languages: new Map() }));
    d.count++;
    bump(d.texts, text);
    if (s.language) bump(d.languages, s.language);
  }
  const ordered = [...distinct.values()].sort((a, b) => b.count - a.count || a.norm.localeCompare(b.norm));
  const groups: Group[] = [];
  for (const d of ordered) {
    // Compare with the group's representative (its first, most frequent member): keeps groups
    // tight instead of letting a chain of near neighbours drift to a different question.
    let best: Group | null = null;
    let bestScore = threshold;
    for (const g of groups) {
      const score = jaccard(d.grams, g.grams);
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) best.members.push(d);
    else groups.push({ members: [d], grams: d.grams });
  }
  const clusters = groups.map((g) => {
    const phrasings = new Map<string, number>();
    const languages = new Map<string, number>();
    for (const m of g.members) {
      for (const [t, n] of m.texts) phrasings.set(t, (phrasings.get(t) ?? 0) + n);
      for (const [l, n] of m.languages) languages.set(l, (languages.get(l) ?? 0) + n);
    }
    const examples = top(phrasings).map(([t]) => t);
    return {
      representative: examples[0]!,
      count: g.members.reduce((n, m) => n + m.count, 0),
      examples: examples.slice(0, maxExamples),
      language: top(languages)[0]?.[0] ?? null,
    };
  });
  clusters.sort((a, b) => b.count - a.count || a.representative.localeCompare(b.representative));
  return opts.limit ? clusters.slice(0, opts.limit) : clusters;
}

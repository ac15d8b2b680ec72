// What the conversation layer knows of a tenant's published FAQ besides the model: each entry's
// language, the languages the FAQ covers, and its vocabulary (for the off-topic check).
import { normalizeText } from "@/lib/training";
import type { LoadedTenantModel } from "@/lib/training";
import type { BotKnowledge } from "./decide-turn";

export interface KnowledgeEntry {
  key: string;
  question: string;
  alternatives?: string[];
  answer: string;
  language: string;
  category?: string | null;
}

export function buildKnowledge(model: LoadedTenantModel, entries: KnowledgeEntry[]): BotKnowledge {
  const faqWords = new Set<string>();
  const texts: string[] = [];
  for (const e of entries) {
    for (const text of [e.question, ...(e.alternatives ?? []), e.answer]) {
      const n = normalizeText(text);
      texts.push(n);
      for (const w of n.split(" ")) if (w) faqWords.add(w);
    }
  }
  return {
    model,
    entries: new Map(entries.map((e) => [e.key, { key: e.key, question: e.question, language: e.language }])),
    languages: new Set(entries.map((e) => e.language)),
    faqWords,
    faqText: ` ${texts.join(" | ")} `,
    topics: topicsByLanguage(entries),
  };
}

/** Up to four FAQ categories per language, most used first (lower-cased for "I can help with …"). */
function topicsByLanguage(entries: KnowledgeEntry[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of entries) {
    if (!e.category) continue;
    const m = counts.get(e.language) ?? counts.set(e.language, new Map()).get(e.language)!;
    m.set(e.category, (m.get(e.category) ?? 0) + 1);
  }
  return new Map([...counts].map(([lang, m]) => [lang, [...m].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c]) => c.toLowerCase())]));
}

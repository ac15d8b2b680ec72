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
  };
}

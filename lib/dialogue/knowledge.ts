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

// A contact entry: asked as a way to reach the business ("How can I contact you?", "teléfono de
// atención") and answered with a phone number or an e-mail address.
const GIVES_CONTACT = /(\+?\d[\d .()-]{6,}\d)|([\w.+-]+@[\w-]+\.[\w.]+)/;
const ABOUT_CONTACT = /\b(contact|contacts|contacting|reach|phone|telephone|call|email|e mail|mail|whatsapp|hotline|helpline|contacto|contactar|contactaros|contactarlos|contactarles|telefono|llamar|llamaros|llamarles|correo|escribir|escribiros|escribirles)\b/;
const isContactEntry = (e: KnowledgeEntry) => GIVES_CONTACT.test(e.answer) && [e.question, ...(e.alternatives ?? []), e.category ?? ""].some((t) => ABOUT_CONTACT.test(normalizeText(t)));

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
    entries: new Map(entries.map((e) => [e.key, { key: e.key, question: e.question, language: e.language, contact: isContactEntry(e) }])),
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

// Shared by the dialogue tests: a tenant model trained and loaded for an FAQ, and a conversation
// played through decideTurn with the history the chat path keeps.
import { loadTenantModel, trainTenantModel, type LoadedTenantModel } from "@/lib/training";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import { decideTurn, type BotKnowledge, type PriorTurn, type TurnDecision } from "@/lib/dialogue/decide-turn";

export interface FaqFixtureEntry {
  key: string;
  language: string;
  category: string;
  question: string;
  alternatives: string[];
  answer: string;
}

export async function knowledgeFor(faq: FaqFixtureEntry[]): Promise<{ model: LoadedTenantModel; knowledge: BotKnowledge }> {
  const examples = faq.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key })));
  const trained = await trainTenantModel(examples, { seed: 0, answers: Object.fromEntries(faq.map((e) => [e.key, e.answer])) });
  const model = await loadTenantModel(trained.files, { entries: faq.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) });
  return { model, knowledge: buildKnowledge(model, faq) };
}

/** Plays messages in one conversation and returns each decision. */
export async function playConversation(knowledge: BotKnowledge, texts: string[], language: string | null = null): Promise<TurnDecision[]> {
  const history: PriorTurn[] = [];
  const out: TurnDecision[] = [];
  for (const text of texts) {
    const d = await decideTurn({ text, history, conversationLanguage: language, defaultLanguage: "en" }, knowledge);
    language = d.language;
    out.push(d);
    history.push({ role: "customer", text }, { role: "bot", text: "", faqKey: d.kind === "answer" ? d.key : null, turnKind: d.kind, suggestions: d.kind === "suggest" ? d.keys : undefined });
  }
  return out;
}

// The bot's small-talk replies and "what I can help with" in the customer's language: the built-in
// texts, or the tenant's own (settings.smalltalkReplies), with {name} and {topics} filled in.
import type { TenantSettings } from "@/lib/tenancy/settings";
import type { BotKnowledge } from "./decide-turn";
import { builtInReply, type SmallTalkIntent } from "./smalltalk-replies";
import { botText, t } from "@/lib/chat/strings";

// "our products and services" and the word joining the last two topics, per language.
const GENERIC: Record<string, [string, string]> = {
  en: ["our products and services", " and "],
  es: ["nuestros productos y servicios", " y "],
  fr: ["nos produits et services", " et "],
  de: ["unsere Produkte und Leistungen", " und "],
  pt: ["os nossos produtos e serviços", " e "],
  it: ["i nostri prodotti e servizi", " e "],
};
const generic = (language: string) => GENERIC[language.slice(0, 2)] ?? GENERIC.en;

/** FAQ categories (or first questions) in the customer's language, for "I can help with …". */
export function topicsFor(knowledge: BotKnowledge, language: string): string {
  // Categories are the admin's words in the FAQ's languages: in another language (a French visitor
  // of an English FAQ) they would read as a foreign list, so the generic phrase is used instead.
  const list = knowledge.topics.get(language) ?? [];
  if (list.length === 0) return generic(language)[0];
  const and = generic(language)[1];
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")}${and}${list[list.length - 1]}`;
}

export function smallTalkReply(intent: SmallTalkIntent, language: string, settings: TenantSettings, name: string, knowledge: BotKnowledge | null): string {
  const custom = settings.smalltalkReplies[intent]?.[language];
  const text = custom ?? builtInReply(intent, language);
  return text.replace(/\{name\}/g, name).replace(/\{topics\}/g, knowledge ? topicsFor(knowledge, language) : generic(language)[0]);
}

/**
 * What the bot says when the FAQ does not answer: the off-topic decline with what it can help
 * with, or "I don't have an answer" — offering a person, unless the customer is being queued.
 */
export function unansweredText(settings: TenantSettings, knowledge: BotKnowledge, language: string, opts: { offTopic: boolean; queued: boolean }): string {
  if (opts.offTopic) return botText(settings.botTexts, "offTopic", language, { topics: topicsFor(knowledge, language) });
  return opts.queued ? t("dontKnow", language) : botText(settings.botTexts, "dontKnowOffer", language);
}

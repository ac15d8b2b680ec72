// The bot's small-talk replies and "what I can help with" in the customer's language: the built-in
// texts, or the tenant's own (settings.smalltalkReplies), with {name} and {topics} filled in.
import type { TenantSettings } from "@/lib/tenancy/settings";
import type { BotKnowledge } from "./decide-turn";
import { SMALLTALK_REPLIES, type SmallTalkIntent } from "./smalltalk";

/** FAQ categories (or first questions) in the customer's language, for "I can help with …". */
export function topicsFor(knowledge: BotKnowledge, language: string): string {
  const list = knowledge.topics.get(language) ?? knowledge.topics.get([...knowledge.topics.keys()][0] ?? "") ?? [];
  if (list.length === 0) return language === "es" ? "nuestros productos y servicios" : "our products and services";
  const and = language === "es" ? " y " : " and ";
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")}${and}${list[list.length - 1]}`;
}

export function smallTalkReply(intent: SmallTalkIntent, language: string, settings: TenantSettings, name: string, knowledge: BotKnowledge | null): string {
  const custom = settings.smalltalkReplies[intent]?.[language];
  const defaults = SMALLTALK_REPLIES[intent];
  const text = custom ?? (language === "es" ? defaults.es : defaults.en);
  return text.replace(/\{name\}/g, name).replace(/\{topics\}/g, knowledge ? topicsFor(knowledge, language) : language === "es" ? "nuestros productos y servicios" : "our products and services");
}


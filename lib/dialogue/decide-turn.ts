// The bot's decision for one customer message, given the conversation so far: the one place that
// says what the bot does, shared by the live chat (lib/chat/respond.ts) and the dialogue
// evaluation (scripts/eval-dialogue.ts), so what is measured is what customers get.
//
// Order: a request for a person → small talk (alone; a greeting before a question is peeled off)
// → the tenant model, with the previous question as context when the message is an elliptical
// follow-up ("and to the US?") → an off-topic decline when nothing in the FAQ is close → a
// suggestion list or a hand-off for in-domain questions the FAQ does not answer.
import { detectLanguage } from "@/lib/faq/language";
import type { LoadedTenantModel } from "@/lib/training";
import type { Understanding } from "@/lib/training/understand";
import { asksForHuman } from "@/lib/handoff/triggers";
import { detectSmallTalk, type SmallTalkIntent } from "./smalltalk";
import { offTopicMarker } from "./offtopic";
import { opensWithConnective } from "./followup";
import { isComplaint } from "./complaint";

export interface PriorTurn {
  role: "customer" | "bot" | "agent" | "system";
  text: string;
  /** For bot turns: the FAQ entry answered, and what kind of reply it was. */
  faqKey?: string | null;
  turnKind?: string | null;
}

export interface BotKnowledge {
  model: LoadedTenantModel;
  /** FAQ entries by key (language per entry). */
  entries: Map<string, { key: string; question: string; language: string }>;
  /** Languages the FAQ has entries in. */
  languages: ReadonlySet<string>;
  /** Normalised words of the whole FAQ (questions, alternatives, answers). */
  faqWords: ReadonlySet<string>;
}

export type TurnDecision =
  | { kind: "human"; language: string }
  | { kind: "smalltalk"; intent: SmallTalkIntent; language: string }
  | { kind: "answer"; key: string; confidence: number; language: string; understanding: Understanding; followup: boolean }
  | { kind: "suggest"; keys: string[]; language: string; understanding: Understanding; followup: boolean }
  | { kind: "offtopic"; language: string; reason: string; understanding: Understanding | null }
  | { kind: "unknown"; language: string; understanding: Understanding };

export interface TurnInput {
  text: string;
  /** Earlier messages of the conversation, oldest first (not including this one). */
  history: PriorTurn[];
  conversationLanguage: string | null;
  defaultLanguage: string;
  /** Tenant setting: multiplies the answer policy's margins. */
  strictness?: number;
}

/** The customer's language for this message: detected, else the conversation's, else the tenant's. */
export function messageLanguage(text: string, conversationLanguage: string | null, defaultLanguage: string, available?: ReadonlySet<string>): string {
  const detected = detectLanguage(text);
  // Very short messages ("ok", "pedido") often detect wrongly or not at all: keep the conversation's.
  const words = text.trim().split(/\s+/).length;
  if (detected && (words >= 3 || !conversationLanguage)) return detected;
  if (detected && conversationLanguage && detected !== conversationLanguage && available && !available.has(conversationLanguage)) return detected;
  return conversationLanguage ?? detected ?? defaultLanguage;
}

export async function decideTurn(input: TurnInput, knowledge: BotKnowledge | null): Promise<TurnDecision> {
  const language = messageLanguage(input.text, input.conversationLanguage, input.defaultLanguage, knowledge?.languages);
  const small = detectSmallTalk(input.text);
  // "¿eres humano?" asks about the bot; "quiero un humano" asks for one.
  if (small.intent === "bot") return { kind: "smalltalk", intent: "bot", language };
  if (asksForHuman(input.text)) return { kind: "human", language };
  if (small.intent) return { kind: "smalltalk", intent: small.intent, language };
  const question = small.rest || input.text;
  if (!knowledge) return { kind: "offtopic", language, reason: "no published model", understanding: null };
  const modelLanguage = knowledge.languages.has(language) ? language : null;
  const marker = offTopicMarker(question, knowledge.faqWords);

  const standalone = await knowledge.model.understand(question, { language: modelLanguage, strictness: input.strictness });
  let u = standalone;
  let followup = false;
  const previous = lastAnsweredQuestion(input.history);
  const v = standalone.views;
  const opener = opensWithConnective(question);
  // Read in context only what cannot stand alone: a connective ("and to the US?"), a message with
  // almost no words of its own ("how much?"), or one that is about the FAQ but matches it weakly.
  if (previous && !marker && (opener || v.contentTokens <= 2 || (v.ownCoverage >= 0.3 && standalone.kind !== "answer"))) {
    const withContext = await knowledge.model.understand(question, { language: modelLanguage, context: previous, strictness: input.strictness });
    const selfContained = standalone.kind === "answer" && v.contentTokens > 2;
    // The context completes the message; it must not replace it: the entry it leads to must be
    // among the message's own best matches, unless the message has nothing of its own to go on.
    const ctxTop = withContext.candidates[0]?.label;
    const plausible = v.contentTokens <= 1 || (standalone.detail ?? standalone.candidates).slice(0, 5).some((c) => c.label === ctxTop);
    if (!selfContained && plausible && (withContext.kind === "answer" || (standalone.kind !== "answer" && rank(withContext) >= rank(standalone)))) {
      u = withContext;
      followup = true;
    }
  }
  // Small talk with a word or two more ("gracias majo", "hi anna", "ok cool then"): still small talk
  // when those words are not about the FAQ.
  if (small.intents.length > 0 && u.kind !== "answer" && question.split(/\s+/).length <= 3 && u.views.ownCoverage < 0.3) {
    return { kind: "smalltalk", intent: small.intents[0], language };
  }
  // An outburst with nothing to answer: calm words and the offer of a person, not an FAQ entry.
  if (u.kind !== "answer" && isComplaint(question)) return { kind: "smalltalk", intent: "insult", language };
  const top = u.candidates[0];
  const strong = u.views.combinedMargin >= 0.3 && !followup;
  if (u.kind === "answer" && top && (!marker || strong)) return { kind: "answer", key: top.label, confidence: top.confidence, language, understanding: u, followup };
  if (marker) return { kind: "offtopic", language, reason: `off-topic request (${marker})`, understanding: u };
  if (u.kind === "suggest") return { kind: "suggest", keys: u.candidates.slice(0, 3).map((c) => c.label), language, understanding: u, followup };
  // Nothing in the FAQ resembles the message: not a question about this business.
  if (u.views.coverage < 0.25) return { kind: "offtopic", language, reason: `the message shares almost nothing with the FAQ (coverage ${u.views.coverage.toFixed(2)})`, understanding: u };
  return { kind: "unknown", language, understanding: u };
}

const rank = (u: Understanding) => (u.kind === "answer" ? 2 : u.kind === "suggest" ? 1 : 0) + u.views.combined;

/** The customer's last question that the bot answered or offered choices for, within the last few turns. */
function lastAnsweredQuestion(history: PriorTurn[]): string | null {
  const recent = history.slice(-6);
  for (let i = recent.length - 1; i >= 1; i--) {
    const t = recent[i];
    if (t.role === "agent") return null;
    if (t.role === "bot" && (t.turnKind === "answer" || t.turnKind === "suggest") && recent[i - 1]?.role === "customer") return recent[i - 1].text;
  }
  return null;
}

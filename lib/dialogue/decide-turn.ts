// The bot's decision for one customer message, given the conversation so far: the one place that
// says what the bot does, shared by the live chat (lib/chat/respond.ts) and the dialogue
// evaluation (scripts/eval-dialogue.ts), so what is measured is what customers get.
//
// Order: a request for a person → small talk (alone; a greeting before a question is peeled off)
// → the tenant model, with the previous question as context when the message is an elliptical
// follow-up ("and to the US?") → an off-topic decline when nothing in the FAQ is close → a
// suggestion list or a hand-off for in-domain questions the FAQ does not answer.
import { detectLanguage, lexiconLanguages, scoreLanguages } from "@/lib/faq/language";
import { getWordVectors, normalizeText } from "@/lib/training";
import type { LoadedTenantModel } from "@/lib/training";
import type { Understanding } from "@/lib/training/understand";
import { asksForContactChannel, asksForHuman, asksToBeWrittenTo, mentionsPerson } from "@/lib/handoff/triggers";
import { aboutTheChatOnly, detectSmallTalk, softSmallTalkDetail, type SmallTalkIntent } from "./smalltalk";
import { DISH_MARKERS, offTopicMarker } from "./offtopic";
import { opensWithConnective, refersBack } from "./followup";
import { isComplaint } from "./complaint";

export interface PriorTurn {
  role: "customer" | "bot" | "agent" | "system";
  text: string;
  /** For bot turns: the FAQ entry answered, and what kind of reply it was. */
  faqKey?: string | null;
  turnKind?: string | null;
  /** For "did you mean" turns: the entries offered, best first. */
  suggestions?: string[];
}

export interface BotKnowledge {
  model: LoadedTenantModel;
  /** FAQ entries by key (language per entry). */
  entries: Map<string, { key: string; question: string; language: string; /** A contact entry: about reaching the business, answered with a phone number or an e-mail address. */ contact?: boolean }>;
  /** Languages the FAQ has entries in. */
  languages: ReadonlySet<string>;
  /** Normalised words of the whole FAQ (questions, alternatives, answers). */
  faqWords: ReadonlySet<string>;
  /** The FAQ's normalised text, space-padded, for phrase look-ups. */
  faqText: string;
  /** What the FAQ is about, per language (categories), for "I can help with …". */
  topics: Map<string, string[]>;
}

export type TurnDecision =
  /** `inWriting`: the customer asked to be written to (an e-mail back), not to chat. */
  | { kind: "human"; language: string; inWriting?: boolean }
  | { kind: "smalltalk"; intent: SmallTalkIntent; language: string }
  | { kind: "answer"; key: string; confidence: number; language: string; understanding: Understanding; followup: boolean }
  | { kind: "suggest"; keys: string[]; language: string; understanding: Understanding; followup: boolean }
  /** `marker`: an off-topic request by its words ("tell me a joke"); otherwise nothing in the FAQ resembles the message. */
  | { kind: "offtopic"; language: string; reason: string; marker: boolean; understanding: Understanding | null }
  | { kind: "unknown"; language: string; understanding: Understanding };

export interface TurnInput {
  text: string;
  /** Earlier messages of the conversation, oldest first (not including this one). */
  history: PriorTurn[];
  conversationLanguage: string | null;
  defaultLanguage: string;
  /** Answer threshold on P(right) for this tenant (default: the measured 5 % point). */
  threshold?: number;
}

/**
 * The customer's language for this message: a clear detection on a message of some length, else
 * the FAQ language whose words it uses, else the conversation's, else the tenant's default. Very
 * short messages ("ok", "pedido") keep the conversation's language.
 */
export function messageLanguage(text: string, conversationLanguage: string | null, defaultLanguage: string, faqGuess: string | null = null): string {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const detected = detectLanguage(text) ?? (words >= 3 && looksEnglish(text) ? "en" : null);
  if (detected && words >= 3) return detected;
  if (faqGuess && words >= 2 && (!detected || detected === faqGuess)) {
    // An undecided detection keeps the conversation's language when its words weigh at least as
    // much as the FAQ language's ("ah o sea no me cobran lo que no use?" has "use" in English).
    if (!detected && conversationLanguage && conversationLanguage !== faqGuess) {
      const scores: Record<string, number> = scoreLanguages(text);
      if ((scores[conversationLanguage] ?? 0) >= (scores[faqGuess] ?? 0)) return conversationLanguage;
    }
    return faqGuess;
  }
  if (conversationLanguage) return conversationLanguage;
  return detected ?? faqGuess ?? defaultLanguage;
}

/** Frequent English words (the pretrained vocabulary's most common) known to no other language's list. */
const COMMON_ENGLISH_RANK = 20_000;

/**
 * "tell me a joke", "wanna hear smth funny": the built-in word lists know too few words to tell,
 * but at least two of them are common English words and none belongs to another language.
 */
function looksEnglish(text: string): boolean {
  const wv = getWordVectors();
  if (!wv) return false;
  let english = 0;
  for (const w of normalizeText(text).split(" ")) {
    if (!/^[a-z]+$/.test(w)) continue;
    const langs = lexiconLanguages(w);
    if (langs.some((l) => l !== "en")) {
      if (!langs.includes("en")) return false;
      continue;
    }
    const rank = wv.rank(w);
    if (rank >= 0 && rank < COMMON_ENGLISH_RANK) english++;
  }
  return english >= 2;
}

export async function decideTurn(input: TurnInput, knowledge: BotKnowledge | null): Promise<TurnDecision> {
  const language = messageLanguage(input.text, input.conversationLanguage, input.defaultLanguage, knowledge?.model.guessLanguage(input.text) ?? null);
  const small = detectSmallTalk(input.text);
  // "¿eres humano?" asks about the bot; "quiero un humano" asks for one.
  if (small.intent === "bot") return { kind: "smalltalk", intent: "bot", language };
  // "what's your phone number?" asks for a way to reach a person: the FAQ's contact entry when it is
  // among the best three (see knowledge.ts), a person otherwise.
  // ("denme un correo para que alguien me revise el caso" wants that person: a hand-off.)
  const contactChannel = asksForContactChannel(input.text) && !mentionsPerson(input.text);
  if (!contactChannel && asksForHuman(input.text)) return { kind: "human", language, ...(asksToBeWrittenTo(input.text) ? { inWriting: true } : {}) };
  if (small.intent) return { kind: "smalltalk", intent: small.intent, language };
  const question = small.rest || input.text;
  if (!knowledge) return contactChannel ? { kind: "human", language } : { kind: "offtopic", language, reason: "no published model", marker: false, understanding: null };
  const modelLanguage = knowledge.languages.has(language) ? language : null;
  const marker = offTopicMarker(question, knowledge.faqWords, knowledge.faqText);

  const standalone = await knowledge.model.understand(question, { language: modelLanguage, threshold: input.threshold });
  if (contactChannel) {
    const top = standalone.candidates.slice(0, 3).find((c) => knowledge.entries.get(c.label)?.contact);
    if (!top) return { kind: "human", language };
    // (The decision log names the entry answered: the contact entry first.)
    const understanding: Understanding = { ...standalone, kind: "answer", candidates: [top, ...standalone.candidates.filter((c) => c !== top)], reason: "asked for the business's contact details: the FAQ's contact entry" };
    return { kind: "answer", key: top.label, confidence: top.confidence, language, understanding, followup: false };
  }
  // An outburst with nothing to answer: calm words and the offer of a person, not an FAQ entry.
  if (standalone.kind !== "answer" && (isComplaint(input.text) || small.intents.includes("insult"))) return { kind: "smalltalk", intent: "insult", language };
  let u = standalone;
  let followup = false;
  const previous = lastAnsweredQuestion(input.history);
  const v = standalone.views;
  const opener = opensWithConnective(question);
  // Read in context only what cannot stand alone: a connective ("and to the US?"), a pointer back
  // ("is there a day I should do it?", "¿y eso cuánto tarda?"), or a message with almost no words
  // of its own ("how much?"). A longer message is its own question.
  const anaphora = refersBack(question);
  const short = question.split(/\s+/).filter(Boolean).length <= 8;
  // "how much extra?", "¿cuánto tarda?": an amount asked right after an answer is the amount of
  // what was just answered, even where the FAQ has a general prices entry.
  const amount = short && v.contentTokens <= 4 && AMOUNT.test(normalizeText(question));
  if (previous && !marker && ((opener && short) || anaphora || amount || (v.contentTokens <= 2 && v.ownCoverage >= 0.3) || v.contentTokens === 0)) {
    // (After the customer picked one of the bot's choices, the previous question is the entry's own.)
    const contextFromFaq = previous.key !== null && knowledge.entries.get(previous.key)?.question === previous.text;
    const withContext = await knowledge.model.understand(question, { language: modelLanguage, context: previous.text, contextFromFaq, threshold: input.threshold });
    const ctxTop = withContext.candidates[0]?.label;
    // A message answered confidently on its own keeps that answer unless it points back in words
    // ("¿aceptan bizum?" after a shipping answer is about payments, not shipping).
    // (After a "did you mean", the entry the amount is about is one of those offered.)
    const aboutPrevious = ctxTop !== undefined && (ctxTop === previous.key || (previous.key === null && previous.offered.includes(ctxTop)));
    const selfContained = standalone.kind === "answer" && (v.contentTokens > 3 || !((opener && short) || anaphora)) && !(amount && aboutPrevious);
    // The context completes the message; it must not replace it: the entry it leads to must be
    // among the message's own three best matches (or, for a message of a word or two, the entry
    // just answered).
    // A message with no topic of its own ("y cuánto tengo que ganar?", "what if it bounces?")
    // cannot be replaced by the context: it only has the context's topic.
    const noTopic = v.ownCoverage < 0.15 && ((opener && short) || anaphora);
    const plausible = v.contentTokens === 0 || noTopic || (ctxTop === previous.key && v.contentTokens <= 2) || (standalone.detail ?? standalone.candidates).slice(0, 3).some((c) => c.label === ctxTop);
    // A message that points back ("and…", "y eso…") is read in context even when that only yields
    // suggestions: they are then about the right topic.
    const pointsBack = (opener && short) || anaphora || v.contentTokens === 0;
    if (!selfContained && plausible && (withContext.kind === "answer" || (pointsBack && standalone.kind !== "answer") || (amount && aboutPrevious))) {
      u = withContext;
      followup = true;
    }
  }
  // Small talk in the customer's own words ("what are you able to help with", "ur so dumb",
  // "¿qué tal tu día?"), when the FAQ has nothing for it.
  // A message made only of words about the chat ("what kind of questions can you answer?") asks
  // what the bot can do even when some entry seems to match.
  // (When the small talk peeled off leaves a question of its own — "hola, ¿cómo estás? ¿me dices
  // el horario?" — only that question is read for it.)
  const ownQuestion = small.intents.length > 0 && small.rest !== "" && asksSomething(small.rest) && !aboutTheChatOnly(small.rest);
  const soft = softSmallTalkDetail(ownQuestion ? small.rest : input.text);
  if (soft && !followup && ((soft.strong && (u.kind !== "answer" || (u.probability ?? 0) < 0.97)) || (u.kind !== "answer" && u.views.ownCoverage < 0.5))) {
    return { kind: "smalltalk", intent: soft.intent, language };
  }
  // Small talk with a word or two more ("gracias majo", "hi anna", "ok cool then"): still small talk
  // when those words are not about the FAQ.
  const words = question.split(/\s+/).filter(Boolean).length;
  // Small talk followed by a remark that asks nothing ("thanks, that answers my question", "hey,
  // just saying hello", "muchas gracias por responder tan rápido").
  const asked = asksSomething(question) || (input.text.trim().endsWith("?") && normalizeText(input.text).endsWith(question));
  // (Read in context or not: "found them in spam, thanks" points back but asks nothing; "ok, and
  // to the US" opens with a connective and is a question.)
  if (small.intents.length > 0 && !small.intent && u.kind !== "answer" && !(followup && opener) && !marker && !asked && words <= 6 && u.views.ownCoverage < 0.5) {
    return { kind: "smalltalk", intent: small.intents[0], language };
  }
  // Thanks with a remark, asking nothing, that would only get the entry just answered again ("found
  // it in spam, thanks", "ok it just arrived lol thanks"): the customer is closing, not asking.
  // ("ok but I typed it wrong 3 times" is not closing: no thanks, and a "but".)
  const closing = (["thanks", "goodbye"] as const).find((i) => small.intents.includes(i));
  const but = /\b(but|though|still|pero|aunque|sigue|todavia)\b/.test(normalizeText(question));
  if (closing && !small.intent && !asked && !marker && !but && u.kind === "answer" && previous?.key && u.candidates[0]?.label === previous.key) {
    return { kind: "smalltalk", intent: closing, language };
  }
  // …or a remark about the reply itself ("thanks, that answers my question", "gracias, eso me sirvió").
  if (small.intents.length > 0 && !small.intent && u.kind !== "answer" && !followup && !marker && !asked && aboutTheChatOnly(question)) {
    return { kind: "smalltalk", intent: small.intents[0], language };
  }
  // ("dale, y aceptan mercado pago?" asks something after its "dale"; "hola, cómo estái?" does not.)
  const asksAfterSmallTalk = asked && input.text.trim().endsWith("?") && !/^(y |and )?(como|how|hows|que (tal|onda|hay|cuentas|haces|mas|hubo|pasa|pedo))\b/.test(question);
  if (small.intents.length > 0 && u.kind !== "answer" && words <= 3 && u.views.ownCoverage < 0.6 && !asksAfterSmallTalk) {
    return { kind: "smalltalk", intent: small.intents[0], language };
  }
  // A word or two that neither the FAQ nor the off-topic list knows ("sweet", "bendiciones"):
  // answered as conversation, with what the bot can help with, not as a failed question.
  if (u.kind !== "answer" && !marker && !followup && !input.text.includes("?") && ((words <= 2 && u.views.ownCoverage < 0.2) || (words <= 6 && u.views.ownCoverage < 0.15 && !asksSomething(question)))) {
    return { kind: "smalltalk", intent: small.intents[0] ?? "other", language };
  }
  const top = u.candidates[0];
  const strong = u.views.combinedMargin >= 0.3 && !followup && !(marker && DISH_MARKERS.has(marker));
  if (u.kind === "answer" && top && (!marker || strong)) return { kind: "answer", key: top.label, confidence: top.confidence, language, understanding: u, followup };
  if (marker) return { kind: "offtopic", language, reason: `off-topic request (${marker})`, marker: true, understanding: u };
  // Choices the bot gives itself under a 1-in-20 chance of being right are mostly unrelated entries
  // (on the development dialogues about one in five held the right one): an honest "I don't know"
  // with the person button serves better, and a second one in a row reaches a person.
  const tooUnsure = (u.probability ?? 1) < MIN_SUGGEST_P;
  if (u.kind === "suggest" && !tooUnsure) return { kind: "suggest", keys: u.candidates.slice(0, 3).map((c) => c.label), language, understanding: u, followup };
  // Nothing in the FAQ resembles the message: not a question about this business.
  // Some words in common and a plausible best entry: offer the choices rather than give up.
  if (!tooUnsure && u.views.coverage >= 0.1 && u.views.combined >= 0.2 && u.candidates.length >= 1) {
    return { kind: "suggest", keys: u.candidates.slice(0, 3).map((c) => c.label), language, understanding: { ...u, kind: "suggest" }, followup };
  }
  if (u.views.coverage < 0.25) return { kind: "offtopic", language, reason: `the message shares almost nothing with the FAQ (coverage ${u.views.coverage.toFixed(2)})`, marker: false, understanding: u };
  // About the business but not close to any one entry: the nearest ones are still worth offering
  // (with the honest "not sure" and the person button) rather than nothing.
  if (!tooUnsure && u.views.combined >= UNKNOWN_SUGGEST && u.candidates.length >= 1) {
    return { kind: "suggest", keys: u.candidates.slice(0, 3).map((c) => c.label), language, understanding: { ...u, kind: "suggest" }, followup };
  }
  return { kind: "unknown", language, understanding: u };
}

const UNKNOWN_SUGGEST = 0.12;
const MIN_SUGGEST_P = 0.05;

const AMOUNT = /^(and |so |ok |okay |y |vale |bueno |ok y )?(how much|how long|how many|what does it cost|whats the cost|what is the cost|whats the price|what is the price|cuanto|cuanta|cuantos|cuantas|que precio|a cuanto|que cuesta|que vale|price|precio|cost|coste|costo)\b/;

// Words that make a message a question or a request even without "?".
const ASKING = new Set(
  ("what whats how hows when where wheres why who whos which whose can could do does did is are was will would should may might shall have has any " +
    "que como cuando donde porque quien quienes cual cuales cuanto cuanta cuantos cuantas puedo puede pueden podria tienen tiene hay se necesito quiero quisiera " +
    "tell dime decime digame diganme saber sabes sabe podes puedes podrias").split(" "),
);

/** Whether a message asks or requests something (so it is not small talk, even when short). */
function asksSomething(text: string): boolean {
  return normalizeText(text)
    .split(" ")
    .some((w) => ASKING.has(w));
}

const rank = (u: Understanding) => (u.kind === "answer" ? 2 : u.kind === "suggest" ? 1 : 0) + u.views.combined;

/** The customer's last question that the bot answered or offered choices for, within the last few turns. */
function lastAnsweredQuestion(history: PriorTurn[]): { text: string; key: string | null; offered: string[] } | null {
  const recent = history.slice(-6);
  for (let i = recent.length - 1; i >= 1; i--) {
    const t = recent[i];
    if (t.role === "agent") return null;
    if (t.role === "bot" && (t.turnKind === "answer" || t.turnKind === "suggest") && recent[i - 1]?.role === "customer") return { text: recent[i - 1].text, key: t.faqKey ?? null, offered: t.suggestions ?? [] };
  }
  return null;
}

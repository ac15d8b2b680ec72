// When a customer should get a person: they ask for one, or they are clearly frustrated. (The
// other triggers — the tenant model deciding "hand off", two unanswered questions in a row — are
// decided in lib/chat/respond.ts from the model's decisions.)
import { normalizeText } from "@/lib/training";
import { asksForContactChannel, asksForPerson, asksToBeWrittenTo, mentionsPerson } from "./human-request";

export { asksForContactChannel, asksToBeWrittenTo, mentionsPerson };

const FRUSTRATION = [
  "useless", "this is useless", "stupid bot", "dumb bot", "you are useless", "not helpful", "doesnt help", "does not help",
  "waste of time", "terrible", "awful", "ridiculous", "wtf", "damn", "idiot", "shut up", "stupid", "worst",
  "no sirve", "no sirves", "no me ayuda", "no ayudas", "inutil", "eres inutil", "bot inutil", "estupido", "idiota", "tonto",
  "perdida de tiempo", "que asco", "horrible", "pesimo", "basura", "mierda", "joder",
];

function containsPhrase(normalized: string, phrases: string[]): string | null {
  const padded = ` ${normalized} `;
  for (const p of phrases) if (padded.includes(` ${p} `)) return p;
  return null;
}

const norm = (text: string) => normalizeText(text).replace(/[^a-z0-9ñ ]+/g, " ").replace(/\s+/g, " ").trim();

export function asksForHuman(text: string): boolean {
  return asksForPerson(text);
}

/**
 * Frustration: an insult or complaint phrase, shouting (mostly capitals with "!"), or the same
 * question asked again (after normalisation) within the last few customer messages.
 */
export function frustrationSignal(text: string, previousCustomerTexts: string[]): string | null {
  const n = norm(text);
  const phrase = containsPhrase(n, FRUSTRATION);
  if (phrase) return `said "${phrase}"`;
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, "");
  if (letters.length >= 8 && letters === letters.toUpperCase() && /!/.test(text)) return "wrote in capitals";
  if (n.length >= 8 && previousCustomerTexts.slice(-3).some((p) => norm(p) === n)) return "repeated the same question";
  return null;
}

// Small talk, built in, in English and Spanish: greetings, thanks, goodbyes, "are you a bot?",
// "what can you do?", acknowledgements, "how are you?" and insults. Recognised before the FAQ
// model; a message made only of small talk gets a short reply (editable per tenant) and is never
// queued to a person nor counted as unanswered. A greeting in front of a real question ("hi, my
// card was stolen") is peeled off and the question goes on to the FAQ.
import { normalizeText } from "@/lib/training";

export const SMALLTALK_INTENTS = ["greeting", "thanks", "goodbye", "bot", "capabilities", "howareyou", "ack", "negative", "insult", "laugh"] as const;
export type SmallTalkIntent = (typeof SMALLTALK_INTENTS)[number];

// Normalised phrases (lower case, no accents, no punctuation). Longer phrases are tried first.
const PHRASES: Record<SmallTalkIntent, string[]> = {
  greeting: [
    "hi", "hii", "hiii", "hello", "helo", "hello there", "hi there", "hey", "hey there", "heya", "hiya", "yo", "howdy", "greetings", "good morning", "good afternoon", "good evening", "morning", "evening", "hello bot", "hi bot",
    "hola", "holaa", "holi", "ola", "buenas", "buenos dias", "buen dia", "buenas tardes", "buenas noches", "que tal", "hola que tal", "saludos", "hey hola", "alo", "hola buenas",
  ],
  thanks: [
    "thanks", "thank you", "thank u", "thanks a lot", "thanks so much", "thank you so much", "thank you very much", "many thanks", "thx", "ty", "tysm", "cheers", "much appreciated", "appreciate it", "i appreciate it", "thanks for your help", "thank you for your help", "thanks for the help", "that helps", "that helped", "very helpful", "great thanks", "perfect thanks", "awesome thanks",
    "gracias", "muchas gracias", "mil gracias", "muchisimas gracias", "grax", "graciass", "gracias por tu ayuda", "gracias por la ayuda", "te lo agradezco", "se agradece", "muy amable", "genial gracias", "perfecto gracias", "vale gracias", "ok gracias",
  ],
  goodbye: [
    "bye", "bye bye", "goodbye", "good bye", "see you", "see ya", "see you later", "later", "have a nice day", "have a good day", "take care", "thats all", "that is all", "thats it", "nothing else", "no thats all", "all good", "im done", "nvm", "never mind", "nevermind", "forget it", "no worries",
    "adios", "chao", "chau", "hasta luego", "hasta pronto", "nos vemos", "hasta la proxima", "que tengas buen dia", "buen dia", "eso es todo", "nada mas", "olvidalo", "da igual", "no importa", "eso era todo", "ya esta", "listo",
  ],
  bot: [
    "are you a bot", "are you a robot", "are you human", "are you a human", "are you a real person", "are you real", "is this a bot", "am i talking to a bot", "am i talking to a robot", "am i talking to a machine", "who are you", "what are you", "whats your name", "what is your name", "are you ai", "are you an ai", "is this automated", "is this a real person",
    "eres un bot", "eres un robot", "eres humano", "eres una persona", "eres una persona real", "eres real", "es un bot", "hablo con un bot", "hablo con un robot", "hablo con una maquina", "estoy hablando con un robot", "estoy hablando con un bot", "quien eres", "que eres", "como te llamas", "cual es tu nombre", "eres una ia", "eres inteligencia artificial", "sos un robot", "sos un bot", "sos humano", "sos una persona", "sos real", "sos una maquina", "es una persona real", "hay alguien ahi", "is anyone there", "anybody there", "is someone there",
  ],
  capabilities: [
    "what can you do", "what can you help with", "what can you help me with", "how can you help", "how can you help me", "what do you know", "what do you do", "help", "help me", "i need help", "can you help me", "can you help", "what can i ask", "what can i ask you", "options", "menu",
    "que puedes hacer", "en que me puedes ayudar", "en que puedes ayudarme", "como me puedes ayudar", "que sabes hacer", "que sabes", "ayuda", "ayudame", "necesito ayuda", "me puedes ayudar", "me podes ayudar", "puedes ayudarme", "que te puedo preguntar", "opciones", "menu",
  ],
  howareyou: [
    "how are you", "how are you doing", "how r u", "how are u", "hows it going", "how is it going", "whats up", "sup", "wassup", "you ok", "how do you do",
    "como estas", "como esta", "como andas", "que tal estas", "como te va", "todo bien", "como va", "que onda", "que hay",
  ],
  ack: [
    "ok", "okay", "okey", "k", "kk", "ok ok", "alright", "all right", "fine", "cool", "great", "nice", "perfect", "awesome", "good", "got it", "i see", "understood", "sure", "yes", "yeah", "yep", "yup", "right", "sounds good", "ok great", "ok cool", "ok perfect", "excellent", "wow", "hmm", "hm", "mmm", "ah", "oh", "oh ok", "ah ok", "i understand",
    "vale", "ok vale", "bueno", "bien", "muy bien", "perfecto", "genial", "de acuerdo", "entendido", "entiendo", "claro", "si", "sip", "dale", "listo", "ya", "ah vale", "ah ok", "okis", "oki", "va", "sale", "ya veo", "excelente", "estupendo",
  ],
  negative: ["no", "nope", "nah", "no thanks", "no thank you", "not really", "no gracias", "nop", "para nada", "no hace falta"],
  insult: [
    "you are useless", "youre useless", "useless", "useless bot", "stupid bot", "dumb bot", "you are stupid", "youre stupid", "you suck", "this sucks", "idiot", "stupid", "you are dumb", "youre dumb", "shut up", "worst bot", "terrible bot", "you are terrible", "youre terrible", "what a useless bot", "this is useless", "you are an idiot", "youre an idiot", "bad bot",
    "eres inutil", "inutil", "bot inutil", "eres tonto", "tonto", "eres estupido", "estupido", "idiota", "eres un idiota", "no sirves", "no sirves para nada", "no sirve para nada", "callate", "que bot mas malo", "pesimo bot", "eres malisimo", "que inutil", "bot de mierda",
  ],
  laugh: ["lol", "haha", "hahaha", "hehe", "lmao", "jaja", "jajaja", "jeje", "xd"],
};

// Words that may pad small talk without making it a question.
const FILLER = new Set(["so", "well", "um", "uh", "oh", "ah", "and", "again", "very", "much", "so much", "a lot", "guys", "mate", "buddy", "friend", "bot", "there", "pues", "bueno", "y", "muy", "amigo", "amiga", "che", "eh", "oye", "please", "pls", "por favor", "porfa", "majo", "maja", "tio", "tia", "crack", "guapo", "guapa", "mate", "buddy", "man", "dude", "bro", "senor", "senora", "senorita", "mister", "ok", "vale", "then", "entonces", "really", "a", "the", "you", "too", "tambien", "igualmente", "likewise", "lol", "jaja", "again", "de nuevo", "otra vez"]);

// Intents in order of importance when a message holds several ("thanks, bye" → goodbye).
const PRIORITY: SmallTalkIntent[] = ["insult", "bot", "capabilities", "howareyou", "goodbye", "thanks", "greeting", "negative", "laugh", "ack"];

interface PhraseEntry {
  words: string[];
  intent: SmallTalkIntent;
}
const PHRASE_LIST: PhraseEntry[] = Object.entries(PHRASES)
  .flatMap(([intent, list]) => list.map((p) => ({ words: p.split(" "), intent: intent as SmallTalkIntent })))
  .sort((a, b) => b.words.length - a.words.length);

/** Collapses repeated letters ("holaaaa" → "holaa", "thxxx" → "thxx") so stretched words still match. */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, "$1$1");
}

function words(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter(Boolean)
    .map(squeeze)
    .map((w) => (/^(ja|ha|he|je){2,}h?$/.test(w) ? "jaja" : w));
}

function matchAt(ws: string[], i: number): PhraseEntry | null {
  for (const p of PHRASE_LIST) {
    if (i + p.words.length > ws.length) continue;
    let ok = true;
    for (let k = 0; k < p.words.length; k++) {
      const w = ws[i + k];
      const pw = p.words[k];
      if (w !== pw && !(w.length > 3 && squeeze(w).replace(/(\p{L})\1/gu, "$1") === pw)) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return null;
}

export interface SmallTalk {
  /** The main intent, when the whole message is small talk. */
  intent: SmallTalkIntent | null;
  /** Every small-talk intent found. */
  intents: SmallTalkIntent[];
  /** What is left once leading/trailing small talk is removed ("" when nothing). */
  rest: string;
}

/**
 * Finds small talk at the start and end of a message. `intent` is set only when nothing else is
 * left; otherwise `rest` is the question to answer ("hola, me robaron la tarjeta" → rest
 * "me robaron la tarjeta").
 */
export function detectSmallTalk(text: string): SmallTalk {
  const ws = words(text);
  const found: SmallTalkIntent[] = [];
  let i = 0;
  let j = ws.length;
  // Peel from the front.
  while (i < j) {
    const m = matchAt(ws, i);
    if (m && i + m.words.length <= j) {
      found.push(m.intent);
      i += m.words.length;
      continue;
    }
    if (FILLER.has(ws[i]) && found.length > 0) {
      i++;
      continue;
    }
    break;
  }
  // Peel from the back (phrases up to 6 words ending at j).
  let moved = true;
  while (moved && j > i) {
    moved = false;
    for (let len = Math.min(6, j - i); len >= 1; len--) {
      const m = matchAt(ws, j - len);
      if (m && m.words.length === len) {
        found.push(m.intent);
        j -= len;
        moved = true;
        break;
      }
    }
    if (!moved && FILLER.has(ws[j - 1])) {
      j--;
      moved = true;
    }
  }
  const restWords = ws.slice(i, j);
  const rest = restWords.filter((w) => !FILLER.has(w)).length === 0 ? "" : restWords.join(" ");
  if (found.length === 0) return { intent: null, intents: [], rest: text.trim() };
  const intent = rest === "" ? PRIORITY.find((p) => found.includes(p)) ?? found[0] : null;
  // Only the middle part counts as the question; its original wording (case, accents) is kept
  // where possible by returning the normalised words, which the FAQ model normalises anyway.
  return { intent, intents: found, rest };
}

/** Default replies; `{name}` is the workspace name, `{topics}` what the FAQ covers. */
export const SMALLTALK_REPLIES: Record<SmallTalkIntent, { en: string; es: string }> = {
  greeting: { en: "Hi! How can I help you today?", es: "¡Hola! ¿En qué puedo ayudarte?" },
  thanks: { en: "You're welcome! Is there anything else I can help with?", es: "¡De nada! ¿Puedo ayudarte en algo más?" },
  goodbye: { en: "Thanks for writing. Have a great day!", es: "Gracias por escribirnos. ¡Que tengas un buen día!" },
  bot: {
    en: "I'm {name}'s virtual assistant, a bot. I answer questions from our help articles, and I can put you in touch with a person from our team whenever you like.",
    es: "Soy el asistente virtual de {name}, un bot. Respondo con nuestros artículos de ayuda y puedo ponerte en contacto con una persona del equipo cuando quieras.",
  },
  capabilities: {
    en: "I can answer questions about {topics}. Just write your question in your own words, or ask for a person at any time.",
    es: "Puedo responder preguntas sobre {topics}. Escribe tu pregunta con tus palabras o pide hablar con una persona cuando quieras.",
  },
  howareyou: { en: "I'm doing well, thanks for asking! What can I help you with?", es: "¡Muy bien, gracias por preguntar! ¿En qué puedo ayudarte?" },
  ack: { en: "Great! Let me know if there's anything else.", es: "¡Perfecto! Dime si necesitas algo más." },
  negative: { en: "All right. If you need anything else, just write here.", es: "De acuerdo. Si necesitas algo más, escribe aquí." },
  insult: {
    en: "I'm sorry I haven't been helpful. Could you tell me what you need in other words? If you prefer, I can put you in touch with a person.",
    es: "Siento no haberte ayudado. ¿Me cuentas qué necesitas con otras palabras? Si lo prefieres, te pongo en contacto con una persona.",
  },
  laugh: { en: "😊 Anything else I can help with?", es: "😊 ¿Te ayudo con algo más?" },
};

/** Intents whose reply also offers a button to talk to a person. */
export const OFFERS_PERSON: ReadonlySet<SmallTalkIntent> = new Set(["insult", "bot", "capabilities"]);

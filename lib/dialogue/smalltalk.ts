// Small talk, built in, in English and Spanish: greetings, thanks, goodbyes, "are you a bot?",
// "what can you do?", acknowledgements, "how are you?" and insults. Recognised before the FAQ
// model; a message made only of small talk gets a short reply (editable per tenant) and is never
// queued to a person nor counted as unanswered. A greeting in front of a real question ("hi, my
// card was stolen") is peeled off and the question goes on to the FAQ.
import { normalizeText } from "@/lib/training";
import { isOneEdit } from "@/lib/training/spelling";
import { STOPWORDS } from "@/lib/training/lexicon";
import type { SmallTalkIntent } from "./smalltalk-replies";

export { SMALLTALK_INTENTS, SMALLTALK_REPLIES, OFFERS_PERSON, type SmallTalkIntent } from "./smalltalk-replies";


// Normalised phrases (lower case, no accents, no punctuation). Longer phrases are tried first.
const PHRASES: Record<SmallTalkIntent, string[]> = {
  greeting: [
    "nice to meet you", "pleased to meet you", "good to meet you", "encantado", "encantada", "mucho gusto", "un gusto", "hello anyone", "hola hay alguien",
    "buenas tardes a todos", "hola que tal estas", "hola como estas", "hope you are well", "hope youre well", "hope ur well", "hope u are well", "hope u r well", "hope your well", "just saying hello", "just saying hi", "just wanted to say hi", "solo queria saludar", "solo paso a saludar", "hope all is well", "hope you are doing well", "hope youre doing well", "espero que estes bien", "espero que este bien",
    "buenos dias a todos", "hola a todos", "hi team", "hello team", "hey team", "hola equipo", "buenas equipo",
    "hey hey", "hello hello", "hi hi", "hiya there", "good day", "g day", "gday", "hi again", "hello again", "hey again", "hola hola", "holis", "buen dia", "muy buenas", "buenas buenas", "hola de nuevo", "hola otra vez", "saludos cordiales", "que hubo", "quiubo", "wenas", "ey", "epa", "aloha",
    "hi", "hii", "hiii", "hello", "helo", "hello there", "hi there", "hey", "hey there", "heya", "hiya", "yo", "howdy", "greetings", "good morning", "good afternoon", "good evening", "morning", "evening", "hello bot", "hi bot", "i have a question", "quick question", "a question", "question", "got a question", "one question", "una consulta", "una pregunta", "tengo una pregunta", "tengo una consulta", "tengo una duda", "una duda", "una consultita", "queria consultar", "queria preguntar", "consulta",
    // French, German, Portuguese, Italian: the widget speaks them, so the bot greets back in them.
    "bonjour", "bonsoir", "salut", "coucou", "hallo", "guten tag", "guten morgen", "guten abend", "moin", "servus", "gruss gott", "ola", "bom dia", "boa tarde", "boa noite", "oi", "ciao", "buongiorno", "buonasera", "salve",
    "hola", "holaa", "holi", "wena", "buenas", "buenos dias", "buen dia", "buenas tardes", "buenas noches", "que tal", "hola que tal", "saludos", "hey hola", "alo", "hola buenas",
  ],
  thanks: [
    "good job", "well done", "great job", "nice work", "muy bien hecho", "buen trabajo", "thanks for the info", "gracias por la info", "gracias por la informacion", "thanks for the information", "thank you for the information", "thanks for your time", "gracias por tu tiempo",
    "youve been a star", "you are a star", "youre a star", "you star", "star", "me salvaste", "me re salvaste", "me has salvado", "me salvo", "you saved me", "lifesaver", "you saved my day", "me alegraste el dia", "eres lo mas", "sos lo mas", "crack", "genio", "eres un genio", "sos un genio", "you are a genius", "youre a genius",
    "bendiciones", "dios le bendiga", "dios le pague", "dios te pague", "dios se lo pague", "dios te bendiga", "muy amable de tu parte", "que amable", "con gusto", "much obliged", "super helpful", "really helpful", "so helpful", "that helps a lot", "ayudaste mucho", "me ayudaste", "me has ayudado",
    "thanks a bunch", "thanks heaps", "thanks a million", "thank you kindly", "ta", "cheers mate", "cheers for that", "thanks for that", "thanks again", "thank you again", "thanks for everything", "you are the best", "youre the best", "you rock", "legend", "lifesaver", "life saver", "brilliant thanks", "lovely thanks", "super thanks", "nice one", "great stuff", "thats great", "thats perfect", "thats helpful", "that was helpful", "very kind", "kind of you", "gracias por todo", "muchas gracias por todo", "gracias de nuevo", "gracias otra vez", "eres un sol", "mil gracias de verdad", "te pasaste", "genial", "buenisimo", "chevere", "bacan", "de lujo", "guay", "que bien", "super", "muy util", "me sirvio", "me ha servido", "me sirve", "gracias crack", "gracias maquina", "agradecido", "agradecida", "muy agradecido", "muy agradecida",
    "thanks", "thank you", "thank u", "thanks a lot", "thanks so much", "thank you so much", "thank you very much", "many thanks", "thx", "ty", "tysm", "cheers", "much appreciated", "appreciate it", "i appreciate it", "thanks for your help", "thank you for your help", "thanks for the help", "that helps", "that helped", "very helpful", "great thanks", "perfect thanks", "awesome thanks",
    "merci", "merci beaucoup", "merci bien", "danke", "danke schon", "vielen dank", "danke sehr", "obrigado", "obrigada", "muito obrigado", "muito obrigada", "grazie", "grazie mille", "molte grazie",
    "gracias", "muchas gracias", "mil gracias", "muchisimas gracias", "grax", "graciass", "gracias por tu ayuda", "gracias por la ayuda", "te lo agradezco", "se agradece", "muy amable", "genial gracias", "perfecto gracias", "vale gracias", "ok gracias",
  ],
  goodbye: [
    "good night", "goodnight", "night", "gn", "cya", "ttyl", "talk later", "talk soon", "bye now", "bye for now", "speak soon", "have a nice one", "have a good one", "have a great day", "have a nice evening", "all the best", "thats everything", "thats all i needed", "that is everything", "that is all", "that will be all", "thats all", "that is it", "that was all", "that was everything", "thats all for now", "i think thats all", "buenas noches", "hasta manana", "hasta mas tarde", "chau chau", "un saludo", "saludos", "que tengas un buen dia", "que tenga buen dia", "feliz dia", "que vaya bien", "cuidate", "igualmente", "signing off", "logging off", "im off", "im off now", "off i go", "heading off now", "me despido", "me retiro", "me desconecto", "chao pescao", "nada mas gracias", "eso seria todo", "seria todo",
    "bye", "bye bye", "goodbye", "good bye", "see you", "see ya", "see you later", "later", "have a nice day", "have a good day", "take care", "thats all", "that is all", "thats it", "nothing else", "no thats all", "all good", "im done", "nvm", "never mind", "nevermind", "forget it", "no worries",
    "au revoir", "bonne journee", "bonne soiree", "tschuss", "auf wiedersehen", "bis bald", "adeus", "tchau", "ate logo", "ate mais", "arrivederci", "a presto", "buona giornata",
    "adios", "chao", "chau", "hasta luego", "hasta pronto", "nos vemos", "hasta la proxima", "que tengas buen dia", "buen dia", "eso es todo", "eso seria todo por hoy", "gotta go", "got to go", "i have to go", "ive got to go", "me tengo que ir", "me voy", "nos vemos luego", "ya me voy", "thats all for today", "nada mas", "olvidalo", "da igual", "no importa", "eso era todo", "ya esta", "listo",
  ],
  bot: [
    "youre a bot", "you are a bot", "ur a bot", "youre a robot", "you are a robot", "so youre a bot", "who made you", "who created you", "who built you", "are you chat gpt", "eres un bot verdad", "eres un robot verdad", "quien te creo", "quien te hizo",
    "who am i talking to", "who am i speaking with", "who am i chatting with", "am i chatting with a bot", "are you chatgpt", "are you a machine", "are you automated", "are you a computer", "is this automated", "is this a human", "is this a person", "are you a person", "are you a real human", "is this an automated chat", "con quien hablo", "con quien estoy hablando", "con quien tengo el gusto", "eres una maquina", "eres chatgpt", "eres un chatbot", "eres automatico", "esto es automatico", "eres una persona o un bot", "eres un bot o una persona", "sos un chatbot", "hablo con una persona",
    "are you a bot", "are you a robot", "are you human", "are you a human", "are you a real person", "are you real", "is this a bot", "am i talking to a bot", "am i talking to a robot", "am i talking to a machine", "who are you", "what are you", "whats your name", "what is your name", "are you ai", "are you an ai", "is this automated", "is this a real person",
    "eres un bot", "eres un robot", "eres humano", "eres una persona", "eres una persona real", "eres real", "es un bot", "hablo con un bot", "hablo con un robot", "hablo con una maquina", "estoy hablando con un robot", "estoy hablando con un bot", "quien eres", "que eres", "como te llamas", "cual es tu nombre", "eres una ia", "eres inteligencia artificial", "sos un robot", "sos un bot", "sos humano", "sos una persona", "sos real", "sos una maquina", "es una persona real", "hay alguien ahi", "is anyone there", "anybody there", "is someone there",
  ],
  capabilities: [
    "what are you good for", "what are you good at", "what is this good for", "whats this good for", "what is your purpose", "whats your purpose", "para que eres bueno", "en que eres bueno", "que se te da bien", "cual es tu funcion", "que se te puede preguntar", "que se le puede preguntar", "what can this chat do", "what can this bot do", "what can it do", "what does this chat do", "what is this chat for", "what is this for", "para que sirve este chat", "que puede hacer este chat", "que hace este chat", "que puedes hacer por mi", "what can you do for me", "how can this chat help",
    "what do you do", "what are you for", "what can you answer", "what do you know about", "what kind of questions", "what questions can you answer", "how does this work", "how does this chat work", "what can i do here", "para que sirves", "que haces", "que me puedes responder", "en que me ayudas", "que preguntas puedo hacer", "que cosas sabes", "como funciona esto", "como funciona este chat", "que puedo preguntarte",
    "what can you do", "what can you help with", "what can you help me with", "how can you help", "how can you help me", "what do you know", "what do you do", "help", "help me", "i need help", "can you help me", "can you help", "what can i ask", "what can i ask you", "options", "menu",
    "que puedes hacer", "en que me puedes ayudar", "en que puedes ayudarme", "como me puedes ayudar", "que sabes hacer", "que sabes", "ayuda", "ayudame", "necesito ayuda", "me puedes ayudar", "me podes ayudar", "puedes ayudarme", "que te puedo preguntar", "opciones", "menu",
  ],
  howareyou: [
    "and you", "y tu", "y usted", "im fine thanks and you", "bien y tu", "bien gracias y tu", "and how are you",
    "como amanecen", "como amaneciste", "como amanecio", "como le va", "como les va", "que cuentas", "que tal va todo", "how are things", "hows everything", "how are ya",
    "hows life", "how is life", "hows ur day", "hows your day going", "hows ur day going", "how is your day going", "how are things going", "how is everything", "everything good with you", "all good with you", "everything ok with you", "all well with you", "todo bien contigo", "todo bien por alla", "you good", "you alright", "como has estado", "como te encuentras hoy", "que tal tu dia", "como va tu dia", "como te trata la vida", "que tal la vida", "todo tranqui", "todo tranquilo", "todo en orden",
    "how are you feeling", "how are you feeling today", "how you feeling", "how r u feeling", "how do you feel", "are you having a good day", "you having a good day", "having a good day", "are you having a nice day", "como te sientes", "como se siente", "que tal te sientes", "como te sentis", "estas teniendo un buen dia", "como te fue hoy",
    "how are you keeping", "hows it hanging", "how are you today", "hows your day", "how is your day", "hows it going today", "how have you been", "how you doing", "how ya doing", "como va todo", "que tal todo", "como estas hoy", "como te encuentras", "como vas", "todo bien por ahi", "que tal el dia", "como te va hoy",
    "how are you", "how are you doing", "how r u", "how are u", "hows it going", "how is it going", "whats up", "sup", "wassup", "you ok", "how do you do",
    "como estai", "como estay", "como estan", "como estamos", "como estas", "como esta", "como andas", "que tal estas", "como te va", "todo bien", "como va", "que onda", "que hay",
  ],
  ack: [
    "sorry", "my bad", "oops", "sorry about that", "perdon", "disculpa", "disculpe", "lo siento", "wait", "one moment", "one sec", "hold on", "brb", "un momento", "espera", "un segundo", "yes please", "si por favor", "claro que si", "por supuesto", "of course", "ok will do", "lo hare", "vale lo hago",
    "whatever", "lo que sea", "como sea", "meh", "sweet", "neat", "rad", "dope", "splendid", "ace", "magic", "sorted", "grand", "quedo atento", "quedo atenta", "quedo pendiente", "a la orden", "listo entonces", "va que va", "sale y vale", "ok then", "okay then", "alright cool", "gotcha", "roger", "copy that", "vale genial", "oka", "okas", "ajam", "aja", "mmm ok",
    "ok thanks", "got it thanks", "alright then", "makes sense", "fair enough", "noted", "i see thanks", "okay cool", "cool cool", "right ok", "oki doki", "okie dokie", "sounds great", "sounds good thanks", "good to know", "great to know", "nice to know", "perfect thank you", "ok understood", "ok got it", "brilliant", "lovely", "amazing", "entendido gracias", "ok entiendo", "vale perfecto", "perfecto gracias", "ok perfecto", "ah ok gracias", "ya entendi", "entendi", "ok listo", "listo gracias", "joya", "dale gracias", "buenisimo gracias", "ok de acuerdo", "vale vale", "okk", "okey dokey",
    "ok", "okay", "okey", "k", "kk", "ok ok", "alright", "all right", "fine", "cool", "great", "nice", "perfect", "awesome", "good", "got it", "i see", "understood", "sure", "yes", "yeah", "yep", "yup", "right", "sounds good", "ok great", "ok cool", "ok perfect", "excellent", "wow", "hmm", "hm", "mmm", "ah", "oh", "oh ok", "ah ok", "i understand",
    "vale", "ok vale", "correcto", "correct", "exacto", "exactly", "bueno", "bien", "muy bien", "perfecto", "genial", "de acuerdo", "entendido", "entiendo", "claro", "si", "sip", "dale", "listo", "ya", "ah vale", "ah ok", "okis", "oki", "va", "sale", "ya veo", "excelente", "estupendo",
  ],
  negative: [
    "no thanks im good", "nah im good", "im good thanks", "estoy bien gracias", "no gracias estoy bien", "todo bien gracias", "nope thats it", "no thats everything",
    "no thats it", "no that is all", "nothing", "no nothing else", "no more questions", "no gracias nada mas", "no nada", "nada", "ninguna", "no tengo mas preguntas", "de momento no", "por ahora no", "not now", "not for now", "maybe later",
    "no", "nope", "nah", "no thanks", "no thank you", "not really", "no gracias", "nop", "para nada", "no hace falta"],
  insult: [
    "youre a waste of space", "you are a waste of space", "waste of space", "what a waste of time", "eres una perdida de tiempo", "que perdida de tiempo", "no vales para nada", "eres un desastre", "what a waste", "youre a joke", "you are a joke", "pathetic bot", "eres malisimo", "vaya mierda", "que desastre", "what a mess", "this is a mess", "rubbish bot", "garbage bot",
    "you are useless", "youre no help", "no help at all", "you dont understand", "you dont understand anything", "you are not helping", "youre not helping", "this bot is useless", "stupid machine", "no entiendes nada", "no me entiendes", "no me estas ayudando", "no ayudas en nada", "maquina inutil", "bot de porqueria", "que mal servicio", "que servicio tan malo", "servicio malisimo", "pesimo servicio", "terrible service", "awful service", "worst service ever",
    "you are useless", "youre useless", "useless", "useless bot", "stupid bot", "dumb bot", "you are stupid", "youre stupid", "you suck", "this sucks", "idiot", "stupid", "you are dumb", "youre dumb", "shut up", "worst bot", "terrible bot", "you are terrible", "youre terrible", "what a useless bot", "this is useless", "you are an idiot", "youre an idiot", "bad bot",
    "eres inutil", "inutil", "bot inutil", "eres tonto", "tonto", "eres estupido", "estupido", "idiota", "eres un idiota", "no sirves", "no sirves para nada", "no sirve para nada", "callate", "que bot mas malo", "pesimo bot", "eres malisimo", "que inutil", "bot de mierda",
  ],
  other: [],
  laugh: ["lol", "haha", "hahaha", "hehe", "lmao", "jaja", "jajaja", "jeje", "xd"],
};

// Words that may pad small talk without making it a question.
const FILLER = new Set(["lot", "lots", "tons", "heaps", "today", "hoy", "for today", "por hoy", "for now", "por ahora", "so", "well", "um", "uh", "oh", "ah", "and", "again", "very", "much", "so much", "a lot", "guys", "mate", "buddy", "friend", "bot", "there", "pues", "bueno", "y", "muy", "amigo", "amiga", "che", "eh", "oye", "please", "pls", "por favor", "porfa", "tardes", "noches", "dias", "loco", "loca", "re", "honestly", "sinceramente", "la verdad", "majo", "maja", "tio", "tia", "crack", "guapo", "guapa", "mate", "buddy", "man", "dude", "bro", "senor", "senora", "senorita", "mister", "ok", "vale", "then", "entonces", "really", "a", "the", "you", "too", "tambien", "igualmente", "likewise", "lol", "jaja", "again", "de nuevo", "otra vez"]);

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
    .replace(/\breal estate\b/g, "realestate") // not "are you real"
    .split(" ")
    .filter(Boolean)
    .map(squeeze)
    .map((w) => (/^(ja|ha|he|je){2,}h?$/.test(w) ? "jaja" : w === "q" ? "que" : w));
}

const SHORT_INSULTS = new Set(PHRASES.insult.flatMap((p) => p.split(" ")).filter((w) => w.length < 6));

/** Same word, a stretched one ("thankss"), or one typo away for longer words ("graicas", "thnaks"). */
function sameWord(w: string, pw: string): boolean {
  if (w === pw || (w === "u" && pw === "you")) return true;
  if (w.length > 3 && w.replace(/(\p{L})\1/gu, "$1") === pw.replace(/(\p{L})\1/gu, "$1")) return true;
  // A typo only of a word that is not itself a common word ("tanto" is not "tonto").
  // (A five-letter insult has too many real neighbours: "monto" and "tanto" are not "tonto".)
  return pw.length >= 5 && w.length >= 5 && !STOPWORDS.has(w) && !(pw.length < 6 && SHORT_INSULTS.has(pw)) && isOneEdit(w, pw);
}

// The phrases whose first word a customer's word can stand for (sameWord), in PHRASE_LIST order,
// memoised per word: matching then only tries those phrases instead of all of them (this check
// runs on every message and was the costliest part of the bot's decision).
const FIRST_WORDS = [...new Set(PHRASE_LIST.map((p) => p.words[0]))];
const firstMatchMemo = new Map<string, PhraseEntry[]>();

function phrasesStartingWith(w: string): PhraseEntry[] {
  let hit = firstMatchMemo.get(w);
  if (hit) return hit;
  const firsts = new Set(FIRST_WORDS.filter((pw) => sameWord(w, pw)));
  hit = firsts.size === 0 ? [] : PHRASE_LIST.filter((p) => firsts.has(p.words[0]));
  if (firstMatchMemo.size > 20_000) firstMatchMemo.clear();
  firstMatchMemo.set(w, hit);
  return hit;
}

function matchAt(ws: string[], i: number): PhraseEntry | null {
  for (const p of phrasesStartingWith(ws[i])) {
    if (i + p.words.length > ws.length) continue;
    let ok = true;
    for (let k = 1; k < p.words.length; k++) {
      if (!sameWord(ws[i + k], p.words[k])) {
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
// A few words may come first: "be honest, are you a real human?", "en serio, ¿eres una persona?".
const BOT_SUBJECT = /^(((be honest|honestly|seriously|quick question|just curious|so|ok|okay|wait|hey|hi|hello|but|and|en serio|sinceramente|a ver|oye|hola|pero|y|dime) )*)(are you|r u|are u|is this|is it|am i (talking|speaking|chatting) (to|with)|eres|sos|es esto|esto es|hablo con|estoy hablando con|estoy chateando con)\b/;
const BOT_NOUN = /\b(bot|robot|chatbot|human|humano|humana|person|persona|real(?! estate)|machine|maquina|ai|ia|chatgpt|automated|automatic|automatico|computer|program|programa|inteligencia artificial)\b/;
// Anywhere in a short message: "you're a bot aren't you", "is this one of those chatbots",
// "esto lo responde una máquina?", "¿hay alguien real o es un programa?", "persona o máquina??".
const BOT_ANYWHERE = new RegExp(
  [
    "\\b(you|u|ur|youre|tu|vos|usted) (are|r|re|eres|sos|es)? ?(a |an |una |un |just a |solo un |solo una )?(bot|robot|chatbot|machine|program|ai|maquina|programa|ia)\\b",
    "\\b(is this|is it|is that) (one of those |an |a |just a )?(bot|bots|chatbot|chatbots|machine|program|ai)\\b",
    "\\b(is this|are these|are the|is the|are your|is your) (answers|replies|responses|chat|reply|answer) (automatic|automated|a bot|a machine|ai|real)\\b",
    "\\b(answers|replies|responses|respuestas) (are |son )?(automatic|automated|automaticas)\\b",
    "\\b(esto|lo|me) (lo )?(esta |estan )?(responde|contesta|escribe|contestando|respondiendo|escribiendo) (un|una) (bot|robot|maquina|programa|ia|persona|humano|inteligencia artificial)\\b",
    "^(is |are )?(a |an |the )?(bot|robot|machine|program|computer|ai) (answering|replying|responding|writing|typing|talking)( to)?( me| us)?$",
    "\\b(o es|or is it|or just|or a|or an|o un|o una|o es un|o es una) (just )?(a |an |un |una )?(bot|robot|chatbot|machine|program|programa|maquina|ia|ai)\\b",
    "\\b(person|persona|human|humano|real) (or|o) (a |an |un |una )?(bot|robot|machine|maquina|program|programa|ia|ai)\\b",
    "\\b(bot|robot|machine|maquina|ia|ai) (or|o) (a |an |un |una )?(person|persona|human|humano)\\b",
    "^(con que|con quien|who|quien) (hablo|estoy hablando|me responde|me contesta|me atiende|responde|contesta|is answering|is replying|is this|am i talking to|am i chatting with)\\b",
    "^(bot|robot|chatbot|maquina|ia)$",
    "\\b(human|person|someone|somebody|alguien|persona|humano) (real |actual |de verdad )?(typing|writing|answering|replying|behind this|escribiendo|respondiendo|contestando|detras)\\b",
    "\\b(tu eres|vos sos|usted es|eres|sos) (una |un )?(persona|humano|humana|maquina|robot|bot|real|de verdad)\\b",
    "^(so |but |and |ok )?(youre|you are|ur|u r|you re|u are) (not |no |really |actually |just )?(a |an )?(real |actual |live )?(person|human|human being|bot|robot|machine|ai)( right| are you| arent you| huh| eh| lol)?$",
    "\\b(contestador|respuesta|respuestas|mensaje) automatic[oa]s?\\b",
  ].join("|"),
);

// Setting up a bot or automatic replies of one's own ("¿cómo configuro un bot de respuestas
// automáticas?") is a question about the product, not about this chat.
const BOT_SETUP = /\b(configur\w*|set up|setup|setting up|creat\w*|crear|creo|build|install\w*|instal\w*|activ\w*|enabl\w*|disabl\w*|desactiv\w*|integr\w*|program\w* (un|una|a|an)|hacer (un|una))\b/;

// "thanks for getting back to me so fast", "gracias por responder tan rápido": thanks for the chat
// itself — "for"/"por" and a few words about replying, nothing asked.
const THANKS_FOR = /^(for|por) (getting back|get back|replying|reply|responding|answering|the quick|the fast|the speedy|your|ur|being|helping|help|the help|all|everything|that|this|looking|checking|your patience|responder|contestar|contestarme|responderme|atenderme|la ayuda|tu ayuda|su ayuda|la rapidez|tu paciencia|su paciencia|la paciencia|todo|eso|esto|ayudarme|la info|la informacion|tu tiempo|su tiempo|el tiempo)\b/;
const THANKS_FOR_NOT = /\b(but|however|though|although|still|pero|aunque|sin embargo|todavia|sigue|where|when|how|why|what|can|could|donde|cuando|como|cuanto|puedo|puede|pueden|podrian|necesito|need|quiero|want)\b/;

export function detectSmallTalk(text: string): SmallTalk {
  const ws = words(text);
  // Emoji or punctuation only ("👍", "🙏", ":)"): an acknowledgement.
  if (ws.length === 0) return { intent: /[\p{Extended_Pictographic}]|[:;]-?[)D]/u.test(text) ? (/🙏|❤|♥/u.test(text) ? "thanks" : "ack") : null, intents: [], rest: "" };
  // "are you a real person or a bot?", "¿sos una persona?": asking what the bot is.
  const joined = ws.join(" ");
  if (ws.length <= 10 && !BOT_SETUP.test(joined) && ((BOT_SUBJECT.test(joined) && BOT_NOUN.test(joined)) || BOT_ANYWHERE.test(joined))) return { intent: "bot", intents: ["bot"], rest: "" };
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
  let rest = restWords.filter((w) => !FILLER.has(w)).length === 0 ? "" : restWords.join(" ");
  if (rest && found.includes("thanks") && restWords.length <= 8 && THANKS_FOR.test(rest) && !THANKS_FOR_NOT.test(rest) && !text.includes("?")) rest = "";
  if (found.length === 0) return { intent: null, intents: [], rest: text.trim() };
  const intent = rest === "" ? PRIORITY.find((p) => found.includes(p)) ?? found[0] : null;
  // Only the middle part counts as the question; its original wording (case, accents) is kept
  // where possible by returning the normalised words, which the FAQ model normalises anyway.
  return { intent, intents: found, rest };
}


// Patterns of small talk said in words of the customer's own, for messages the FAQ does not
// answer: "what are you able to help with", "¿qué temas manejas?", "ur so dumb", "qué tal tu día".
// They are weaker evidence than the phrase lists, so decideTurn uses them only when the FAQ has no
// answer and the message shares little with it.
const YOU = "(you|u|ya|this chat|this bot|the bot|this|te|tu|tus|vos|usted|este chat|el chat|este bot|el bot)";
const SOFT: Array<[SmallTalkIntent, RegExp, "strong"?]> = [
  ["capabilities", new RegExp(`^(so |ok |and |y |bueno |a ver |me dices |me decis |dime |decime |me puedes decir |me podrias decir |tell me |can you tell me |could you tell me )?(what|which|wat|q|k|que|cuales|en que|para que|what kind of|what sort of|what type of|que tipo de|que clase de|que cosas)\\b.*\\b(help|helping|ask|answer|answers|cover|covers|topics|do|offer|use|know|able|questions|services|options|functions|solve|handle|ayudar|ayudas|ayudarme|preguntar|preguntarte|preguntas|consultas|respondes|responder|contestas|manejas|sabes|ofreces|ofrecer|funciones|opciones|temas|servicios|sirves|sirve|usar|uso|hacer|haces|resolver|resuelves|gestionar|gestionas|colaborar|colaborarme|colaborarle|asistir|asistirme|servirle|servirte)\\b`)],
  ["capabilities", new RegExp(`\\b(show me|tell me|dime|muestrame|explain|explicame)\\b.*\\b(what|que|how|como)\\b.*\\b(you|u|this|puedes|sabes|haces|funciona|works)\\b`)],
  ["capabilities", /^(como|how)\b.*\b(te uso|uso esto|use this|use you|funciona esto|funciona el chat|does this work|do i use)\b/],
  ["capabilities", /^(ver |show |see )?(menu|options|opciones|help|ayuda)$/],
  ["capabilities", /^(de|sobre|about|with|con|en) (que|what|which) (temas|topics|cosas|things|asuntos|subjects)\b/],
  ["capabilities", /^(como|how|in what way|de que forma|de que manera|en que forma)\b.*\b(podes|puedes|puede|pueden|can you|could you|can u|do you)\b.*\b(help|assist|ayudar|ayudarme|ayudarnos|servir|servirme)\b/],
  ["capabilities", /^(list|tell me|dime|lista|muestrame|enumera)\b.*\b(you|u|te|puedes)\b.*\b(help|do|ask|ayudar|hacer|preguntar)\b/, "strong"],
  ["capabilities", /\b(can you|are you able to|could you|puedes|podes|puede usted|sabes)\b.*\b(or just|or only|o solo|o nomas|o solamente)\b/, "strong"],
  ["capabilities", /^(can you|could you|puedes|podes) (do|hacer) (anything|something|algo)\b/, "strong"],
  ["capabilities", /^(que|what) (servicios|services|temas|topics|cosas|things) (atiendes|manejas|cubres|cover|handle|do you handle|do you cover)\b/, "strong"],
  ["insult", /\b(more|mas) (helpful|useful|util|utiles) (than|que) (you|u|tu|vos|este bot|this bot)\b/, "strong"],
  ["insult", /\b(you|u) (clearly |really |just |obviously |simply )?(dont|do not|cant|cannot) (understand|get it|help)\b/, "strong"],
  ["howareyou", /^(and |y |hey |hi |hola |oye )?(how|hows|como|que tal|que hay)\b.*\b(life|day|going|been|vida|dia|has estado|encuentras|andas|estas|tal|va todo|te va|te trata|tranqui|todo|feeling|feel|sientes|siente|sentis)\b/],
  ["howareyou", /^(todo|all) (tranqui|tranquilo|bien|good|ok|okay)$/],
  ["howareyou", /^(is )?(everything|all|todo|things) (good|ok|okay|fine|alright|well|bien|tranqui|en orden) (with you|with u|on your end|on your side|contigo|por ahi|por tu lado|de tu lado)$/],
  ["insult", new RegExp(`\\b(stupid|dumb|thick|chiste|pesado|pesada|joke|idiot|idiotic|useless|pointless|rubbish|garbage|trash|crap|crappy|worthless|clueless|tonto|tonta|estupido|estupida|idiota|inutil|asco|basura|malo|mala|pesimo|porqueria|mierda|torpe|burro|lento|incompetente|ridiculo|heartless|shameful|disgraceful|outrageous|unacceptable|scandalous|vergonzoso|vergonzosa|inaceptable|abusivo|abusiva|indignante|gafo|gafa|menso|mensa|tarado|tarada|bobo|boba|baboso|babosa|pendejo|pendeja|boludo|boluda|pelotudo|pelotuda|huevon|weon|imbecil|moron|lerdo|lerda)\\b`)],
];
const SOFT_YOU = new RegExp(`\\b${YOU}\\b|\\b(bot|chat|chatbot|eres|eri|sos|are|r|ur|youre|ustedes|vosotros|pueden|podeis|podrian)\\b`);
// An insult may also be aimed at the business ("honestly your policy is heartless").
const AT_US = /\b(your|vuestra|vuestro|vuestras|vuestros)\b/;

// Words that talk about the chat itself rather than about anything the FAQ could cover.
const META = new Set(
  ("what which wat how so ok and can could do does should would will i we you u ya this that the a an of for with to about here there me my " +
    "help helping ask answer answers cover covers topics topic do offer use know able questions question services service options option functions things thing stuff kind sort type " +
    "show tell explain chat bot work works using able anything everything else more exactly really actually " +
    "q k se le dices decis decir dime decime are is am my here aca aqui tengo tienes atiendes atender resuelves resolver gestionas exactamente exactly que cuales cual en para como y bueno a ver me te tu tus vos usted este esta esto el la los las un una de del con sobre aqui puedo puedes podes puede sabes haces hacer " +
    "colaborar colaborarme colaborarle asistir asistirme servirle servirte ayudar ayudas ayudarme ayuda preguntar preguntarte preguntas pregunta consultas consulta respondes responder contestas manejas ofreces ofrecer funciones funcion opciones temas tema servicios servicio sirves sirve usar uso cosas cosa tipo clase chat bot consiste").split(" "),
);

// Words of a remark about the reply or the chat itself ("that answers my question", "eso me sirvió
// mucho", "that was quick").
const REMARK = new Set(
  ("helped helpful useful clear quick fast great good perfect exactly was were been has have it its thats very so much really all " +
    "rapido rapida util claro clara sirvio ayudo ayudado ayudaste resuelto resolvio respondido respondiste contestado contestaste era fue ha has muy mucho eso esto todo lo mi duda dudas perfecto genial").split(" "),
);

/** A remark made only of words about the chat or the reply ("that answers my question"). */
export function aboutTheChatOnly(text: string): boolean {
  const ws = words(text);
  return ws.length > 0 && ws.length <= 8 && ws.every((w) => META.has(w) || REMARK.has(w) || FILLER.has(w));
}

/** Small talk recognised by a pattern rather than a phrase (see SOFT), or null. `strong`: nothing but words about the chat. */
export function softSmallTalk(text: string): SmallTalkIntent | null {
  return softSmallTalkDetail(text)?.intent ?? null;
}

export function softSmallTalkDetail(text: string): { intent: SmallTalkIntent; strong: boolean } | null {
  const ws = words(text);
  if (ws.length === 0 || ws.length > 10) return null;
  const joined = ws.join(" ");
  if (/^(en que consiste|what is this|whats this|what is this chat|para que es esto|que es esto)\b/.test(joined) && ws.every((w) => META.has(w) || w === "is" || w === "whats" || w === "es")) return { intent: "capabilities", strong: true };
  for (const [intent, re, strength] of SOFT) {
    if (!re.test(joined)) continue;
    if (strength === "strong") return { intent, strong: true };
    if (intent === "capabilities") {
      const strong = ws.every((w) => META.has(w));
      if (!strong && !SOFT_YOU.test(joined)) continue;
      return { intent, strong };
    }
    // An insult must be aimed at the bot or the chat ("ur so dumb", "qué bot tan malo"), not at a
    // product ("the app is useless").
    if (intent === "insult" && !SOFT_YOU.test(joined) && !AT_US.test(joined)) continue;
    return { intent, strong: false };
  }
  return null;
}

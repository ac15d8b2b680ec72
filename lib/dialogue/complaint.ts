// A short outburst ("this is ridiculous, your app is useless", "qué vergüenza de servicio") is not
// a question to look up: the bot answers calmly, apologises and offers a person (small talk
// "insult"), rather than matching a word of it ("app") to an FAQ entry.
import { normalizeText } from "@/lib/training";

const MARKERS = [
  "useless", "ridiculous", "pathetic", "rubbish", "garbage", "this is a joke", "what a joke", "its a joke", "such a joke", "a bloody joke", "daylight robbery", "disgrace", "disgraceful", "shameful", "terrible", "awful", "horrible", "worst", "scam", "scammers", "incompetent", "unacceptable", "fed up", "sick of", "waste of time", "hopeless", "crap", "shit", "wtf",
  "inutil", "inutiles", "ridiculo", "vergonzoso", "verguenza", "una verguenza", "basura", "pesimo", "pesimos", "horrible", "malisimo", "estafadores", "ladrones", "un robo", "es una broma", "que broma", "harto", "harta", "hartos", "perdida de tiempo", "incompetentes", "inaceptable", "mierda", "una mierda", "menudo servicio", "vaya servicio", "que servicio", "llevo media hora", "llevo una hora", "llevo horas", "nadie contesta", "nadie me atiende", "nadie responde", "no contestan", "pretty useless", "so useless", "absolutely useless", "waiting for ages", "been waiting", "nobody answers", "no one answers",
];
const MARKER_WORDS = MARKERS.map((m) => m.split(" "));

export function isComplaint(text: string): boolean {
  if (text.includes("?")) return false;
  const words = normalizeText(text).split(" ").filter(Boolean);
  if (words.length > 12) return false;
  return MARKER_WORDS.some((m) => words.some((_, i) => m.every((w, k) => words[i + k] === w)));
}

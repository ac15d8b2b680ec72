// Elliptical follow-ups: "and to the US?", "¿y con tarjeta?", "what about cancelling?" only make
// sense with the previous question. A message is read in context when it opens with a connective
// that continues the last turn, or is too short (or matches too little) to stand on its own.
import { normalizeText } from "@/lib/training";

const OPENERS = [
  "and", "and if", "and what", "and how", "and for", "and to", "and with", "and in", "and the", "and my", "and can", "and do", "and does", "and is", "and what about", "ok and", "okay and", "so and",
  "what about", "how about", "what if", "also", "plus", "same for", "same with", "then", "but", "but what", "but if", "or", "in that case", "and then",
  "y", "y si", "y que", "y cuanto", "y como", "y para", "y con", "y en", "y a", "y el", "y la", "y los", "y las", "y mi", "y se", "y puedo", "y tambien", "ok y", "vale y", "bueno y", "e",
  "que pasa con", "y que pasa con", "y lo de", "tambien", "pero", "pero si", "o", "entonces", "en ese caso", "y despues", "y luego",
];
const OPENER_WORDS = OPENERS.map((o) => o.split(" ")).sort((a, b) => b.length - a.length);

export function opensWithConnective(text: string): boolean {
  const w = normalizeText(text).split(" ");
  return OPENER_WORDS.some((o) => o.every((x, i) => w[i] === x));
}


// Words pointing back to what was just discussed; only short messages are read this way.
const POINTERS = new Set(["it", "that", "this", "those", "these", "them", "same", "eso", "esto", "ese", "esa", "esos", "esas", "lo", "alli", "ahi", "mismo", "misma"]);

export function refersBack(text: string): boolean {
  const w = normalizeText(text).split(" ").filter(Boolean);
  return w.length <= 10 && w.some((x) => POINTERS.has(x));
}

// Language of a short text for the semantic view (English/Spanish stemming and word vectors):
// the same dictionary-based detector the chat uses, kept behind one function.
import { detectLanguage } from "../faq/language";

export function detectTextLanguage(text: string): string | null {
  return detectLanguage(text);
}

// Builds the chat-template messages for a reply: a system prompt that confines the model to the
// selected FAQ passages and the customer's language, then the recent conversation. Sizes are
// bounded so a long conversation cannot push the passages out of a small model's context.

export interface ConversationMessage {
  role: "customer" | "bot" | "agent";
  text: string;
}

export interface FaqPassage {
  key: string;
  question: string;
  answer: string;
}

export interface ChatTemplateMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

const LANGUAGE_NAMES: Record<string, string> = {
  es: "Spanish",
  en: "English",
  fr: "French",
  pt: "Portuguese",
  de: "German",
  it: "Italian",
  ca: "Catalan",
  gl: "Galician",
  eu: "Basque",
  nl: "Dutch",
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase().split(/[-_]/)[0]] ?? code;
}

const MAX_PASSAGES = 3;
const MAX_PASSAGE_CHARS = 1200;
const MAX_HISTORY = 6;
const MAX_MESSAGE_CHARS = 600;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * The system prompt is in English whatever the customer's language: small instruction models
 * follow English instructions most reliably, and the reply language is stated explicitly.
 */
export function systemPrompt(passages: FaqPassage[], language: string): string {
  const faq = passages
    .slice(0, MAX_PASSAGES)
    .map((p, i) => `[${i + 1}] Q: ${clip(p.question, 300)}\nA: ${clip(p.answer, MAX_PASSAGE_CHARS)}`)
    .join("\n\n");
  return [
    "You are a customer-service assistant for a business.",
    "Answer the customer's last message using ONLY the facts in the FAQ passages below.",
    `Reply in ${languageName(language)}, briefly: one to three sentences.`,
    "Never invent prices, times, phone numbers, links or other facts. Copy them exactly from the passages.",
    "If the passages do not answer the question, say that a person from the team will help.",
    "",
    "FAQ passages:",
    faq,
  ].join("\n");
}

export function buildChatMessages(messages: ConversationMessage[], passages: FaqPassage[], language: string): ChatTemplateMessage[] {
  const history: ChatTemplateMessage[] = messages
    .filter((m) => m.text.trim().length > 0)
    .slice(-MAX_HISTORY)
    .map((m) => ({ role: m.role === "customer" ? "user" : "assistant", content: clip(m.text.trim(), MAX_MESSAGE_CHARS) }));
  // Templates of several model families require the turns after the system prompt to start
  // with the user.
  while (history.length > 0 && history[0].role !== "user") history.shift();
  return [{ role: "system", content: systemPrompt(passages, language) }, ...history];
}

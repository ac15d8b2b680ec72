// When the tenant model is not sure which FAQ entry a message means (a "suggest" decision) and a
// chat model is loaded, the chat model gets two short jobs: pick the entry among the tenant model's
// few best candidates that answers the message, or none (`chooseCandidate`); failing that, ask the
// customer one natural clarifying question instead of showing a bare list (`clarifyingQuestion`).
// Both are bounded (a few tokens, the shared generation queue, the time budget) and checked: the
// choice must be one of the numbers offered, and the question must be a question, short, and
// carry no figure, link or address that the candidates do not contain (the grounding guard's fact
// check). Any failure returns null and the caller shows the list, as without a chat model.
import { GroundingSource } from "./grounding-guard";
import { IncrementalDecoder } from "./text-decoder";
import { QueueAbortedError, QueueFullError } from "./fair-queue";
import { getModelRuntime, type ModelRuntime } from "./runtime";
import { languageName, type ConversationMessage, type FaqPassage, type ChatTemplateMessage } from "./prompt";

export interface ClarifyInput {
  /** The conversation so far, the customer's message last. */
  messages: ConversationMessage[];
  /** The tenant model's candidates, best first (at most three are used). */
  candidates: FaqPassage[];
  language: string;
  signal?: AbortSignal;
  tenantId?: string;
  runtime?: ModelRuntime;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function lastCustomerText(messages: ConversationMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "customer" && messages[i].text.trim()) return clip(messages[i].text.trim(), 600);
  return "";
}

/** Greedy completion of a short prompt through the shared queue; null when no model, cancelled, too long or failed. */
async function complete(prompt: ChatTemplateMessage[], maxNewTokens: number, input: ClarifyInput): Promise<string | null> {
  const runtime = input.runtime ?? getModelRuntime();
  const chat = runtime.getChat();
  if (!chat || input.signal?.aborted) return null;
  const inputIds = chat.tokenizer.apply_chat_template(prompt as never, { add_generation_prompt: true, tokenize: true, return_tensor: false, return_dict: false }) as unknown as number[];
  if (inputIds.length + maxNewTokens > chat.maxContext) return null;
  let release: () => void;
  try {
    release = await chat.queue.acquire(input.tenantId ?? "default", { signal: input.signal });
  } catch (e) {
    if (e instanceof QueueAbortedError || e instanceof QueueFullError) return null;
    throw e;
  }
  const decoder = new IncrementalDecoder(chat.tokenizer);
  try {
    const outcome = await chat.engine.generate({ inputIds, maxNewTokens, timeBudgetMs: runtime.config.timeBudgetMs }, (id) => void decoder.push(id), input.signal);
    if (outcome.stop === "cancelled" || outcome.stop === "time_budget") return null;
    return decoder.emitted.trim();
  } catch {
    return null;
  } finally {
    release();
  }
}

/**
 * Which candidate (0-based) answers the customer's message, or null for none / no usable answer.
 */
export async function chooseCandidate(input: ClarifyInput): Promise<number | null> {
  const options = input.candidates.slice(0, 3);
  const message = lastCustomerText(input.messages);
  if (options.length === 0 || !message) return null;
  const list = options.map((c, i) => `${i + 1}. ${clip(c.question, 200)}`).join("\n");
  const out = await complete(
    [
      {
        role: "system",
        content: [
          "You sort customer messages for a business's help desk.",
          "These are FAQ entries:",
          list,
          `Reply with only the number (1 to ${options.length}) of the entry that answers the customer's message, or 0 if none of them does.`,
        ].join("\n"),
      },
      { role: "user", content: message },
    ],
    4,
    input,
  );
  const m = out?.match(/\d/);
  if (!m) return null;
  const n = Number(m[0]);
  return n >= 1 && n <= options.length ? n - 1 : null;
}

/** One short question, in the customer's language, to tell the candidates apart; null when none can be trusted. */
export async function clarifyingQuestion(input: ClarifyInput): Promise<string | null> {
  const options = input.candidates.slice(0, 3);
  const message = lastCustomerText(input.messages);
  if (options.length < 2 || !message) return null;
  const list = options.map((c, i) => `${i + 1}. ${clip(c.question, 200)}`).join("\n");
  const out = await complete(
    [
      {
        role: "system",
        content: [
          "You are a customer-service assistant. The customer's message could be about any of these topics:",
          list,
          `Ask the customer ONE short question, in ${languageName(input.language)}, to find out which topic they mean.`,
          "Do not answer the question. Do not give any prices, times, numbers or links.",
        ].join("\n"),
      },
      { role: "user", content: message },
    ],
    64,
    input,
  );
  if (!out) return null;
  const text = out.split("\n")[0].trim();
  if (text.length < 8 || text.length > 300 || !/\?\s*$/.test(text)) return null;
  const facts = new GroundingSource(options.map((c) => `${c.question}\n${c.answer}`)).unsupportedFacts(text);
  if (facts.length > 0) return null;
  return text;
}

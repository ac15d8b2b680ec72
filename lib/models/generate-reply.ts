// The generation service the chat uses: one bot reply, streamed chunk by chunk, grounded in the
// FAQ passages the tenant model selected, with the top passage's answer (verbatim) as the
// fallback whenever a generated answer cannot be trusted or produced.
//
// Contract with the chat layer (iterate the handle, or just await `result`):
//   queued   → wait in line (show "typing…"), `ahead` callers before this one
//   started  → the model is generating
//   chunk    → append `text` to the bot bubble (token by token)
//   replace  → discard everything shown so far and show `text` instead (fallback or trimming)
//   done     → final `result`; `result.text` is always what the bubble must end up showing
// A cancelled reply (signal aborted) ends with done and reason "cancelled": no replace, no more
// chunks; the chat layer decides what to keep.
import { EventChannel } from "./event-channel";
import { buildChatMessages, type ConversationMessage, type FaqPassage } from "./prompt";
import { GroundingSource } from "./grounding-guard";
import { IncrementalDecoder } from "./text-decoder";
import { QueueAbortedError, QueueFullError } from "./fair-queue";
import { getModelRuntime, type ModelRuntime } from "./runtime";
import type { StopReason } from "./engine/chat-engine";

export type ReplyReason =
  | "generated" // model answer accepted by the grounding guard
  | "cancelled" // signal aborted (customer left, agent took over)
  | "no_passages" // nothing to ground an answer on: text is empty, the chat layer hands off
  | "no_chat_model" // CHAT_MODEL empty, missing or failed to load
  | "queue_full" // CHAT_QUEUE_LIMIT waiters already
  | "guard" // the answer strayed from the passages
  | "time_budget" // CHAT_TIME_BUDGET_MS elapsed
  | "model_error"; // the model failed while generating

export interface ReplyResult {
  text: string;
  /** True when `text` is supported by the passages (accepted answer, or the FAQ answer itself). */
  grounded: boolean;
  /** True when `text` is the top passage's answer verbatim instead of a generated one. */
  fallback: boolean;
  reason: ReplyReason;
  /** Why the guard rejected, or the model error, in plain words. */
  detail?: string;
  /** Tokens generated (0 when no model ran). */
  tokens: number;
  /** From the call to the first visible text (chunk or replace); null if none. */
  ttftMs: number | null;
  totalMs: number;
}

export type ReplyEvent =
  | { type: "queued"; ahead: number }
  | { type: "started" }
  | { type: "chunk"; text: string }
  | { type: "replace"; text: string; reason: ReplyReason }
  | { type: "done"; result: ReplyResult };

export interface GenerateReplyInput {
  messages: ConversationMessage[];
  passages: FaqPassage[];
  language: string;
  signal?: AbortSignal;
  maxNewTokens?: number;
  timeBudgetMs?: number;
  /** Fairness key for the waiting line (round-robin across tenants). */
  tenantId?: string;
  conversationId?: string;
  /** Defaults to the process runtime. */
  runtime?: ModelRuntime;
}

export interface ReplyHandle extends AsyncIterable<ReplyEvent> {
  readonly state: "queued" | "generating" | "done";
  readonly result: Promise<ReplyResult>;
}

export function generateReply(input: GenerateReplyInput): ReplyHandle {
  const channel = new EventChannel<ReplyEvent>();
  let state: ReplyHandle["state"] = "generating";
  const emit = (e: ReplyEvent) => {
    if (e.type === "queued") state = "queued";
    else if (e.type === "started") state = "generating";
    channel.push(e);
  };
  const result = produce(input, emit).then((r) => {
    state = "done";
    channel.push({ type: "done", result: r });
    channel.close();
    return r;
  });
  return {
    get state() {
      return state;
    },
    result,
    [Symbol.asyncIterator]: () => visible(channel, input.signal),
  };
}

/** Once the caller has cancelled, chunks still buffered are not delivered either. */
async function* visible(events: AsyncIterable<ReplyEvent>, signal?: AbortSignal): AsyncGenerator<ReplyEvent> {
  for await (const e of events) {
    if (e.type === "chunk" && signal?.aborted) continue;
    yield e;
  }
}

async function produce(input: GenerateReplyInput, emit: (e: ReplyEvent) => void): Promise<ReplyResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let ttftMs: number | null = null;
  let tokens = 0;
  const sourceTexts = input.passages.map((p) => `${p.question}\n${p.answer}`);
  const faqAnswer = input.passages[0]?.answer ?? "";

  const fallback = (reason: ReplyReason, detail?: string): ReplyResult => {
    ttftMs ??= elapsed();
    emit({ type: "replace", text: faqAnswer, reason });
    return { text: faqAnswer, grounded: true, fallback: true, reason, detail, tokens, ttftMs, totalMs: elapsed() };
  };
  const cancelled = (text: string): ReplyResult => ({ text, grounded: false, fallback: false, reason: "cancelled", tokens, ttftMs, totalMs: elapsed() });

  if (input.passages.length === 0) return { text: "", grounded: false, fallback: true, reason: "no_passages", tokens: 0, ttftMs: null, totalMs: elapsed() };
  if (input.signal?.aborted) return cancelled("");
  const runtime = input.runtime ?? getModelRuntime();
  const chat = runtime.getChat();
  if (!chat) return fallback("no_chat_model", runtime.status().find((s) => s.role === "chat")?.error);

  const maxNewTokens = input.maxNewTokens ?? runtime.config.maxNewTokens;
  const chatMessages = buildChatMessages(input.messages, input.passages, input.language);
  const inputIds = chat.tokenizer.apply_chat_template(chatMessages as never, { add_generation_prompt: true, tokenize: true, return_tensor: false, return_dict: false }) as unknown as number[];
  if (inputIds.length + maxNewTokens > chat.maxContext) return fallback("model_error", `prompt of ${inputIds.length} tokens exceeds the model context`);

  let release: () => void;
  try {
    release = await chat.queue.acquire(input.tenantId ?? input.conversationId ?? "default", {
      signal: input.signal,
      onQueued: (ahead) => emit({ type: "queued", ahead }),
    });
  } catch (e) {
    if (e instanceof QueueAbortedError) return cancelled("");
    if (e instanceof QueueFullError) return fallback("queue_full", "too many replies are being generated; answered from the FAQ");
    throw e;
  }

  // Our own stop signal: the customer's, or the guard's when a made-up figure appears.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  input.signal?.addEventListener("abort", onAbort, { once: true });
  let guardStop: string | null = null;
  const decoder = new IncrementalDecoder(chat.tokenizer);
  const grounding = new GroundingSource(sourceTexts);

  let stopReason: StopReason;
  try {
    emit({ type: "started" });
    const budget = input.timeBudgetMs ?? runtime.config.timeBudgetMs;
    const outcome = await chat.engine.generate(
      { inputIds, maxNewTokens, timeBudgetMs: Math.max(1, budget - elapsed()) },
      (id) => {
        if (stop.signal.aborted) return; // no chunk after cancellation
        tokens++;
        const text = decoder.push(id);
        if (!text) return;
        ttftMs ??= elapsed();
        emit({ type: "chunk", text });
        // Cheap early check at word boundaries: an invented figure or link ends generation now.
        // Only the last two sentences are rescanned (figures never span ". "), and the word being
        // written is left out: "10:3" may become "10:30".
        if (/[^\p{L}\p{N}]/u.test(text)) {
          const all = decoder.emitted;
          const lastEnd = all.lastIndexOf(". ");
          const from = lastEnd > 0 ? all.lastIndexOf(". ", lastEnd - 1) + 1 : 0; // this and the previous sentence
          const invented = grounding.unsupportedFacts(all.slice(from).replace(/[\p{L}\p{N}@./:-]+$/u, ""));
          if (invented.length > 0) {
            guardStop = `figures or links not in the FAQ: ${invented.slice(0, 3).join(", ")}`;
            stop.abort();
          }
        }
      },
      stop.signal,
    );
    stopReason = outcome.stop;
  } catch (e) {
    return fallback("model_error", e instanceof Error ? e.message : String(e));
  } finally {
    input.signal?.removeEventListener("abort", onAbort);
    release();
  }

  if (guardStop) return fallback("guard", guardStop);
  if (input.signal?.aborted || stopReason === "cancelled") return cancelled(decoder.emitted);
  if (stopReason === "time_budget") return fallback("time_budget", `no complete answer within ${input.timeBudgetMs ?? runtime.config.timeBudgetMs} ms`);

  let text = decoder.emitted.trim();
  if (stopReason === "max_tokens") {
    // Cut off mid-sentence: keep the complete sentences, if any.
    const end = Math.max(text.lastIndexOf(". "), text.lastIndexOf("! "), text.lastIndexOf("? "), /[.!?]$/.test(text) ? text.length - 1 : -1);
    if (end > 0) text = text.slice(0, end + 1);
  }
  const verdict = grounding.check(text);
  if (!verdict.ok) return fallback("guard", verdict.reason);
  if (text !== decoder.emitted) emit({ type: "replace", text, reason: "generated" });
  return { text, grounded: true, fallback: false, reason: "generated", tokens, ttftMs, totalMs: elapsed() };
}

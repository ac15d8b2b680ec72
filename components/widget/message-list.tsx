"use client";
// The conversation: stored messages, messages still being sent, bot replies streaming in and the
// typing indicators. All text is rendered as React text nodes (escaped), never as HTML.
import { AttachmentView } from "@/components/ui/attachment-view";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { WireMessage, WireSource } from "@/lib/chat/protocol";
import type { PendingMessage, StreamingReply } from "./chat-state";
import { uiStrings, type UiStrings } from "./i18n";

interface Props {
  messages: WireMessage[];
  pending: PendingMessage[];
  streams: StreamingReply[];
  agentTyping: { typing: boolean; name: string | null };
  greeting: string | null;
  color: string;
  t: UiStrings;
  onChoose: (s: WireSource) => void;
  /** Asks for a person (the button under replies that offer one); absent once a person is involved. */
  onHandoff?: () => void;
  onFeedback: (m: WireMessage, value: 1 | -1) => void;
  onRetry: (p: PendingMessage) => void;
  onDiscard: (p: PendingMessage) => void;
  /** What is shown below the list (hand-off bar, rating prompt…): when it changes the list may shrink. */
  below?: string;
}

export function MessageList(p: Props) {
  const end = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const streamed = p.streams.map((s) => s.text).join("");
  // Whether the visitor was at the bottom before the latest content arrived: decided on scroll,
  // not after a tall reply (choices, a long answer) has already pushed the bottom away.
  const stick = useRef(true);
  const pendingCount = useRef(p.pending.length);
  useEffect(() => {
    const el = box.current;
    // The visitor's own new message always brings the view down; otherwise follow new content
    // unless they scrolled up to read older messages.
    const sent = p.pending.length > pendingCount.current;
    pendingCount.current = p.pending.length;
    if (el && (stick.current || sent)) {
      end.current?.scrollIntoView({ block: "end" });
      stick.current = true;
    }
  }, [p.messages.length, p.pending.length, p.streams.length, streamed, p.agentTyping.typing]);
  // Panels that open below the list (the rating prompt, the hand-off bar, a taller composer)
  // shrink it: keep the newest messages in view if the visitor was reading them. Right after the
  // commit that shows them (scrollIntoView lays out at once, even in a tab the browser is not
  // painting), and again on any later resize.
  useLayoutEffect(() => {
    if (stick.current) end.current?.scrollIntoView({ block: "end" });
  }, [p.below]);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stick.current) end.current?.scrollIntoView({ block: "end" });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const el = box.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  // The newest suggestions are the ones still worth choosing.
  const lastBotId = [...p.messages].reverse().find((m) => m.role === "bot")?.id;

  return (
    <div ref={box} onScroll={onScroll} className="flex-1 overflow-y-auto px-3 py-4" data-testid="message-list">
      <ol className="flex flex-col gap-2" aria-label={p.t.title}>
        {p.greeting && (
          <li className="max-w-[85%] self-start rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm whitespace-pre-wrap break-words text-slate-900" data-testid="greeting">
            {p.greeting}
          </li>
        )}
        {p.messages.map((m) => (
          <Message key={m.id} m={m} {...p} canChoose={m.id === lastBotId} />
        ))}
        {p.pending.map((m) => (
          <li key={m.clientMessageId} className="flex max-w-[85%] flex-col items-end self-end" data-testid="message" data-role="customer" data-status={m.status}>
            <div className="rounded-2xl rounded-br-sm px-3 py-2 text-sm whitespace-pre-wrap break-words text-white opacity-70" style={{ background: p.color }}>
              {m.text}
            </div>
            {m.status === "sending" ? (
              <span className="mt-0.5 text-xs text-slate-500">{p.t.sending}</span>
            ) : (
              <span className="mt-0.5 flex flex-wrap items-center justify-end gap-2 text-xs text-red-700" role="alert">
                {p.t.notSent}
                {m.error ? `: ${m.error}` : ""}
                <button type="button" className="underline focus-visible:outline-2 focus-visible:outline-slate-900" onClick={() => p.onRetry(m)}>
                  {p.t.retry}
                </button>
                <button type="button" className="underline focus-visible:outline-2 focus-visible:outline-slate-900" onClick={() => p.onDiscard(m)}>
                  {p.t.dismiss}
                </button>
              </span>
            )}
          </li>
        ))}
        {p.streams.map((s) =>
          s.text ? (
            <li key={s.replyTo} className="max-w-[85%] self-start rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm whitespace-pre-wrap break-words text-slate-900" data-testid="streaming" aria-busy="true">
              {s.text}
              <span className="ml-0.5 inline-block h-3 w-1.5 animate-pulse bg-slate-400 align-middle" aria-hidden="true" />
            </li>
          ) : (
            <Dots key={s.replyTo} label={p.t.typing} />
          ),
        )}
        {p.agentTyping.typing && <Dots label={p.t.agentTyping(p.agentTyping.name)} />}
      </ol>
      <div ref={end} />
    </div>
  );
}

function Dots({ label }: { label: string }) {
  return (
    <li className="flex items-center gap-2 self-start text-xs text-slate-500" data-testid="typing">
      <span className="flex gap-1 rounded-2xl bg-slate-100 px-3 py-3" aria-hidden="true">
        {[0, 150, 300].map((d) => (
          <span key={d} className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-500" style={{ animationDelay: `${d}ms` }} />
        ))}
      </span>
      <span>{label}</span>
    </li>
  );
}

function Message({ m, t: uiT, color, onChoose, onHandoff, onFeedback, canChoose }: Props & { m: WireMessage; canChoose: boolean }) {
  // Labels around a bot reply follow the reply's language (a Spanish answer gets "¿Te refieres a:").
  const t = m.role === "bot" && m.language ? uiStrings(m.language) : uiT;
  if (m.role === "system") {
    return (
      <li className="self-center px-2 py-1 text-center text-xs text-slate-500 whitespace-pre-wrap" data-testid="message" data-role="system" data-kind={m.kind ?? undefined}>
        {m.text}
      </li>
    );
  }
  if (m.role === "customer") {
    return (
      <li className="max-w-[85%] self-end" data-testid="message" data-role="customer" data-status="sent" data-client-id={m.clientMessageId ?? undefined}>
        <div className="rounded-2xl rounded-br-sm px-3 py-2 text-sm whitespace-pre-wrap break-words text-white" style={{ background: color }}>
          {m.attachment ? <AttachmentView a={m.attachment} tone="light" /> : m.text}
        </div>
      </li>
    );
  }
  const suggestions = m.suggestions ?? [];
  return (
    <li className="flex max-w-[85%] flex-col items-start gap-1 self-start" data-testid="message" data-role={m.role} data-feedback={m.feedback ?? 0}>
      {m.role === "agent" && <span className="text-xs font-medium text-slate-500">{m.authorName ?? t.agent}</span>}
      <div className="rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm whitespace-pre-wrap break-words text-slate-900">{m.attachment ? <AttachmentView a={m.attachment} /> : m.text}</div>
      {suggestions.length > 0 && (
        <div className="flex flex-col items-start gap-1" role="group" aria-label={t.didYouMean}>
          {/* The bot's own words already ask "Did you mean one of these?": no second label. */}
          {m.role !== "bot" && <span className="text-xs text-slate-500">{t.didYouMean}</span>}
          {suggestions.map((s) => (
            <button
              key={s.key}
              type="button"
              disabled={!canChoose}
              onClick={() => onChoose(s)}
              className="rounded-full border px-3 py-1 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-50"
              style={{ borderColor: color, color }}
              data-testid="suggestion"
            >
              {s.question}
            </button>
          ))}
        </div>
      )}
      {m.role === "bot" && m.offerPerson && onHandoff && canChoose && (
        <button
          type="button"
          onClick={onHandoff}
          className="rounded-full border px-3 py-1 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
          style={{ borderColor: color, color }}
          data-testid="offer-person"
        >
          {t.talkToPerson}
        </button>
      )}
      {m.role === "bot" && (
        <div className="flex items-center gap-2 text-xs text-slate-500">
          {m.source && (m.source.url && /^(https?:\/\/|\/[^/])/i.test(m.source.url) ? (
            // A knowledge document: the chip opens the whole article.
            <a href={m.source.url} target="_blank" rel="noopener noreferrer" className="rounded-full bg-slate-200 px-2 py-0.5 text-slate-800 underline hover:bg-slate-300" title={m.source.question} data-testid="source">
              {t.source}: {m.source.question.length > 40 ? `${m.source.question.slice(0, 40)}…` : m.source.question}
            </a>
          ) : (
            <span className="rounded-full bg-slate-200 px-2 py-0.5 text-slate-800" title={m.source.question} data-testid="source">
              {t.source}: {m.source.question.length > 40 ? `${m.source.question.slice(0, 40)}…` : m.source.question}
            </span>
          ))}
          {!m.kind && suggestions.length === 0 && m.source && (
            <span className="flex gap-1">
              <Thumb label={t.helpful} pressed={m.feedback === 1} onClick={() => onFeedback(m, 1)} />
              <Thumb label={t.notHelpful} pressed={m.feedback === -1} onClick={() => onFeedback(m, -1)} down />
            </span>
          )}
        </div>
      )}
    </li>
  );
}

const THUMB = "M7 10v11H3V10h4Zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7";

function Thumb({ label, pressed, onClick, down = false }: { label: string; pressed: boolean; onClick: () => void; down?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={label}
      onClick={onClick}
      className={`rounded p-1 text-slate-600 focus-visible:outline-2 focus-visible:outline-slate-900 ${pressed ? "bg-slate-200 text-slate-900" : "opacity-70 hover:opacity-100"}`}
    >
      <svg width="14" height="14" viewBox="0 0 24 24" fill={pressed ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2" strokeLinejoin="round" aria-hidden="true" style={down ? { transform: "rotate(180deg)" } : undefined}>
        <path d={THUMB} />
      </svg>
    </button>
  );
}

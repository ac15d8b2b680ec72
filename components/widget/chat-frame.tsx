"use client";
// The chat panel inside the widget iframe (/widget/frame): wires the connection (ChatClient), the
// state reducer and the bridge to the loader to the visible parts. Rendered only in the browser:
// everything it shows depends on this browser's storage, language and connection.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { WireMessage, WireSource } from "@/lib/chat/protocol";
import type { FrameToHost, HostToFrame, Untagged } from "@/widget/bridge";
import { ChatClient, type IdentifyResult } from "./chat-client";
import { chatReducer, initialChatState, type PendingMessage } from "./chat-state";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { HandoffBar } from "./handoff-bar";
import { readableBrandColor } from "@/lib/widget/contrast";
import { offlineDraft } from "@/lib/widget/offline-draft";
import { UI_LANGUAGES, chooseLanguage, chooseUiLanguage, conversationUiLanguage, isUiLanguage, uiStrings } from "./i18n";
import { MessageList } from "./message-list";
import { Outbox, outboxText } from "./outbox";
import { RatingPrompt } from "./rating-prompt";
import { PrechatForm } from "./prechat-form";
import { browserStore, hostStore, storageKeys, type KeyValueStore } from "./storage";
import { useParentBridge } from "./use-parent-bridge";

interface FrameProps {
  widgetKey: string;
  parentOrigin: string | null;
  requestedLanguage: string | null;
}

const DEFAULT_COLOR = "#2563eb";
const DEFAULT_MAX_CHARS = 2000;
const DEFAULT_MAX_ATTACHMENT = 10 * 1024 * 1024;

type IdentifyMessage = Extract<HostToFrame, { type: "identify" }>;

/** Identities the host page sent before the chat's client existed, and the client's handler. */
interface IdentityQueue {
  waiting: IdentifyMessage[];
  handle: ((m: IdentifyMessage) => void) | null;
}

export function ChatFrame(props: FrameProps) {
  const [store, setStore] = useState<KeyValueStore | null>(null);
  const [open, setOpen] = useState(false);
  const postRef = useRef<(m: Untagged<FrameToHost>) => void>(() => {});
  const identities = useRef<IdentityQueue>({ waiting: [], handle: null });
  const onHostMessage = useCallback((m: HostToFrame) => {
    if (m.type === "identify") {
      const q = identities.current;
      if (q.handle) q.handle(m);
      else q.waiting.push(m);
    } else if (m.type === "init") {
      const persist = (key: string, value: string | null) => postRef.current({ type: "store", key, value });
      setStore((s) => s ?? hostStore(m.storage && typeof m.storage === "object" ? m.storage : {}, persist));
    } else setOpen(m.type === "open");
  }, []);
  const { embedded, post } = useParentBridge(props.parentOrigin, onHostMessage);
  postRef.current = post;

  useEffect(() => {
    if (!embedded) return setStore(browserStore());
    // A loader that never answers `ready` (an old copy cached by the site): use our own storage.
    const fallback = setTimeout(() => setStore((s) => s ?? browserStore()), 3000);
    return () => clearTimeout(fallback);
  }, [embedded]);

  const onClosed = useCallback(() => setOpen(false), []);
  if (!store) return <div className="h-dvh bg-white" />;
  return <ChatPanel {...props} store={store} embedded={embedded} open={open || !embedded} post={post} onClosed={onClosed} identities={identities.current} />;
}

interface PanelProps extends FrameProps {
  store: KeyValueStore;
  embedded: boolean;
  open: boolean;
  post: (m: Untagged<FrameToHost>) => void;
  onClosed: () => void;
  identities: IdentityQueue;
}

function ChatPanel({ widgetKey, parentOrigin, requestedLanguage, store, embedded, open, post, onClosed, identities }: PanelProps) {
  const [state, dispatch] = useReducer(chatReducer, undefined, () =>
    initialChatState(new Outbox(store, storageKeys.outbox(widgetKey)).list().map((i) => ({ clientMessageId: i.clientMessageId, text: outboxText(i) }))),
  );
  const [announcement, setAnnouncement] = useState("");
  const composer = useRef<HTMLTextAreaElement>(null);
  const unreadRef = useRef<(n: number) => void>(() => {});

  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  // The conversation's language: one the FAQ has, or one the widget and the bot's own texts speak
  // (a French visitor of an English FAQ gets French labels, greeting and replies to small talk).
  const language = chooseLanguage({
    requested: requestedLanguage,
    browser,
    supported: [...new Set([...(state.config?.languages ?? ["en", "es"]), ...UI_LANGUAGES])],
    fallback: state.config?.defaultLanguage ?? "en",
  });
  const uiLanguage = chooseUiLanguage({ requested: language, browser, fallback: state.config?.defaultLanguage ?? "en" });
  // The widget's own labels follow the conversation: once the bot replies in another language the
  // customer chose by writing in it, the header, status bar and composer switch too (system notices —
  // "connecting you with a person", "resolved" — carry the language they are written in as well).
  const shownLanguage = conversationUiLanguage(state.messages, uiLanguage);
  const t = uiStrings(shownLanguage);
  const tRef = useRef(t);
  tRef.current = t;

  const [client] = useState(
    () =>
      new ChatClient({
        appOrigin: window.location.origin,
        widgetKey,
        language,
        parentOrigin,
        store,
        strings: () => tRef.current,
        dispatch,
        onUnread: (n) => unreadRef.current(n),
        onAnnounce: setAnnouncement,
      }),
  );

  unreadRef.current = (count) => post({ type: "unread", count });

  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  // The host page's verified identity (FaqBot.identify): sent by the client, answered to the page.
  useEffect(() => {
    const handle = (m: IdentifyMessage) => {
      const user = m.user && typeof m.user === "object" ? m.user : { id: "" };
      const payload = { id: String(user.id ?? ""), email: user.email || null, name: user.name || null, signature: String(m.signature ?? "") };
      void client.identify(payload).then((r: IdentifyResult) => post({ type: "identified", seq: m.seq, ok: r.ok, ...(r.ok ? {} : { error: r.error }) }));
    };
    identities.handle = handle;
    for (const m of identities.waiting.splice(0)) handle(m);
    return () => {
      identities.handle = null;
    };
  }, [client, identities, post]);
  // The launcher on the host page labels itself in the same language (widget/loader.ts).
  useEffect(() => post({ type: "language", language: shownLanguage }), [post, shownLanguage]);
  useEffect(() => {
    client.setOpen(open);
    if (open) composer.current?.focus();
  }, [client, open]);

  const close = useCallback(() => {
    onClosed();
    post({ type: "close" });
  }, [onClosed, post]);
  useEffect(() => {
    if (!embedded) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [embedded, close]);

  // White text goes on the brand colour everywhere: too light a colour is darkened until it reads (WCAG AA).
  const color = readableBrandColor(state.config?.color ?? DEFAULT_COLOR, DEFAULT_COLOR);
  // The tenant's greeting in the visitor's language; else the built-in one in a language the widget
  // speaks; else the tenant's greeting in its default language.
  const greeting = state.config ? (state.config.greeting[language] ?? (isUiLanguage(language) ? uiStrings(language).greeting : null) ?? state.config.greeting[state.config.defaultLanguage] ?? null) : null;
  const handoffActive = state.handoff.state === "queued" || state.handoff.state === "assigned";
  // The e-mail form starts with what the customer already wrote, without the request for a person
  // itself: that detector (the server's own) is loaded only once the form is about to show.
  const offlineForm = state.handoff.state === "offline" || (state.handoff.state === "queued" && !(state.config?.teamAvailable ?? true));
  const asksForPerson = usePersonRequestDetector(offlineForm);
  const draft = useMemo(() => (asksForPerson ? offlineDraft(state.messages, asksForPerson) : ""), [asksForPerson, state.messages]);

  const onHandoff = async () => {
    const err = await client.requestHandoff();
    if (err) dispatch({ type: "notice", text: err.code === "offline" ? t.reconnecting : err.message || t.genericError });
  };
  const onFeedback = (m: WireMessage, value: 1 | -1) => void client.feedback(m.id, m.feedback === value ? 0 : value, m.feedback ?? 0);
  const onRetry = (p: PendingMessage) => client.retry(p.clientMessageId, p.text);
  const onChoose = (s: WireSource) => client.chooseSuggestion(s);

  return (
    <section className="flex h-dvh flex-col bg-white text-slate-900" lang={shownLanguage} aria-labelledby="chat-title">
      <ChatHeader
        name={state.config?.tenantName ?? t.title}
        logoUrl={state.config?.logoUrl ?? null}
        color={color}
        connection={state.connection}
        teamAvailable={(state.config?.teamAvailable ?? true) || state.handoff.state === "assigned"}
        t={t}
        canClose={embedded}
        handoffActive={handoffActive}
        onHandoff={() => void onHandoff()}
        onClose={close}
      />
      {(state.connection === "reconnecting" || state.connection === "refused") && (
        <p className={`px-3 py-2 text-xs ${state.connection === "refused" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`} role="status" data-testid="reconnecting">
          {state.connection === "refused" ? (state.connectionError ?? t.refused) : t.reconnecting}
        </p>
      )}
      <MessageList
        below={`${state.handoff.state}:${state.ratingRequested ? "rating" : ""}`}
        messages={state.messages}
        pending={state.pending}
        streams={state.streams}
        agentTyping={state.agentTyping}
        greeting={greeting}
        color={color}
        t={t}
        onChoose={onChoose}
        onHandoff={handoffActive ? undefined : () => void onHandoff()}
        onFeedback={onFeedback}
        onRetry={onRetry}
        onDiscard={(p) => dispatch({ type: "discard", clientMessageId: p.clientMessageId })}
      />
      {state.notice && (
        <p className="px-3 py-2 text-xs text-amber-900 bg-amber-50" role="status" data-testid="notice">
          {state.notice}
        </p>
      )}
      <HandoffBar handoff={state.handoff} t={t} color={color} teamAvailable={state.config?.teamAvailable ?? true} onTicket={(email, message) => client.offlineTicket(email, message)} draft={draft} />
      {state.ratingRequested && <RatingPrompt t={t} color={color} onSubmit={(score, comment) => client.rate(score, comment)} onDone={() => dispatch({ type: "rating", requested: false })} />}
      {/* The pre-chat form comes before the first message, in place of the composer. */}
      {state.config?.prechat && !state.prechatDone && state.messages.length === 0 && state.pending.length === 0 ? (
        <PrechatForm form={state.config.prechat} t={t} color={color} onSubmit={(answers) => client.prechat(answers)} />
      ) : (
        <Composer ref={composer} maxChars={state.config?.maxMessageChars ?? DEFAULT_MAX_CHARS} color={color} t={t} onSend={(text) => client.send(text)} onTyping={(typing) => handoffActive && client.typing(typing)}
          draft={{ load: () => store.getItem(storageKeys.draft(widgetKey)) ?? "", save: (text) => (text ? store.setItem(storageKeys.draft(widgetKey), text.slice(0, 20_000)) : store.removeItem(storageKeys.draft(widgetKey))) }}
          onAttach={(file) => void client.attach(file, state.config?.attachmentMaxBytes ?? DEFAULT_MAX_ATTACHMENT)}
        />
      )}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-region">
        {announcement}
      </div>
    </section>
  );
}

/** `asksForPerson` (lib/handoff/human-request.ts), loaded in its own chunk the first time `needed`. */
function usePersonRequestDetector(needed: boolean): ((text: string) => boolean) | null {
  const [detector, setDetector] = useState<((text: string) => boolean) | null>(null);
  useEffect(() => {
    if (!needed || detector) return;
    let live = true;
    import("@/lib/handoff/human-request")
      .then((m) => live && setDetector(() => m.asksForPerson))
      .catch(() => live && setDetector(() => () => false));
    return () => {
      live = false;
    };
  }, [needed, detector]);
  return detector;
}

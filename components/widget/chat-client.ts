// The chat frame's connection to the server (Socket.IO namespace /widget, protocol in
// lib/chat/protocol.ts) and its delivery guarantees: every message goes into the persisted outbox
// before it is sent, leaves it only when the server's ack arrives, and after every (re)connect the
// client first syncs what it missed and then re-sends the outbox in order. The server stores one
// copy per client message id, so a message is shown and stored exactly once.
import { io, type Socket } from "socket.io-client";
import type { Ack, IdentifyPayload, ServerToWidgetEvents, WidgetToServerEvents, WireMessage, WireSource } from "@/lib/chat/protocol";
import type { ChatAction } from "./chat-state";
import { newClientMessageId } from "./client-id";
import { Outbox, outboxText, type OutboxItem } from "./outbox";
import { storageKeys, type KeyValueStore } from "./storage";
import { isUiLanguage, uiStrings, type UiStrings } from "./i18n";

type WidgetSocket = Socket<ServerToWidgetEvents, WidgetToServerEvents>;
type AckError = Extract<Ack, { error: unknown }>["error"];
type AckedEvent = Exclude<keyof WidgetToServerEvents, "typing">;
type PayloadOf<E extends AckedEvent> = Parameters<WidgetToServerEvents[E]>[0];
type ReplyOf<E extends AckedEvent> = Parameters<Parameters<WidgetToServerEvents[E]>[1]>[0];

export interface ChatClientOptions {
  appOrigin: string;
  widgetKey: string;
  language: string;
  parentOrigin: string | null;
  store: KeyValueStore;
  /** The UI strings of the current language (it may change once the tenant's config arrives). */
  strings: () => UiStrings;
  dispatch: (a: ChatAction) => void;
  /** Unread bot/agent messages that arrived while the panel was closed. */
  onUnread: (count: number) => void;
  /** A message for the screen-reader live region. */
  onAnnounce: (text: string) => void;
}

const ACK_TIMEOUT_MS = 20_000;

const formatBytes = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Number((n / 1024 / 1024).toFixed(1))} MB`);

/** What the host page's `FaqBot.identify` hears back. */
export type IdentifyResult = { ok: true; id: string } | { ok: false; error: string };

export class ChatClient {
  readonly outbox: Outbox;
  private socket: WidgetSocket | null = null;
  private maxSeq = 0;
  private synced = false;
  private pumping = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private seen = new Set<string>();
  private initialSyncDone = false;
  private open = false;
  private unread = 0;
  /** An identity from the host page not yet accepted or refused by the server (the latest wins). */
  private identity: { payload: IdentifyPayload; done: ((r: IdentifyResult) => void)[] } | null = null;

  constructor(private readonly o: ChatClientOptions) {
    this.outbox = new Outbox(o.store, storageKeys.outbox(o.widgetKey));
  }

  start(): void {
    const o = this.o;
    const socket: WidgetSocket = io(`${o.appOrigin}/widget`, {
      // A function: read again on every reconnect, so the visitor token from `session` is sent.
      auth: (cb) => cb({ key: o.widgetKey, visitorToken: o.store.getItem(storageKeys.visitorToken(o.widgetKey)), language: o.language, parentOrigin: o.parentOrigin }),
      // WebSocket first: its handshake always carries Origin; polling is the fallback.
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelayMax: 5000,
    });
    this.socket = socket;
    socket.on("connect", () => void this.onConnect());
    socket.on("disconnect", () => {
      this.synced = false;
      o.dispatch({ type: "connection", status: "reconnecting" });
    });
    socket.on("connect_error", (err: Error & { data?: { code?: string; message?: string; retryAfterSeconds?: number } }) => {
      if (socket.active) return o.dispatch({ type: "connection", status: this.initialSyncDone ? "reconnecting" : "connecting" });
      // Refused by the server's middleware: socket.io does not retry on its own.
      const code = err.data?.code;
      if (code === "forbidden" || code === "unauthenticated") return o.dispatch({ type: "connection", status: "refused", error: err.data?.message ?? o.strings().refused });
      o.dispatch({ type: "connection", status: "reconnecting" });
      this.later(() => socket.connect(), (err.data?.retryAfterSeconds ?? 5) * 1000);
    });
    socket.on("session", ({ visitorToken }) => {
      if (typeof visitorToken === "string" && visitorToken) o.store.setItem(storageKeys.visitorToken(o.widgetKey), visitorToken);
    });
    socket.on("config", (config) => o.dispatch({ type: "config", config }));
    socket.on("message", (m) => this.receive(m, () => o.dispatch({ type: "message", message: m })));
    socket.on("bot:typing", ({ replyTo }) => o.dispatch({ type: "bot:typing", replyTo }));
    // `replace` is not in the protocol types yet; the server sends it when it rewrites a reply.
    socket.on("bot:delta", (p) => o.dispatch({ type: "bot:delta", replyTo: p.replyTo, text: p.text, replace: (p as { replace?: unknown }).replace === true }));
    socket.on("bot:done", ({ replyTo, message }) => this.receive(message, () => o.dispatch({ type: "bot:done", replyTo, message })));
    socket.on("agent:typing", ({ typing, name }) => o.dispatch({ type: "agent:typing", typing, name }));
    socket.on("handoff:status", (handoff) => o.dispatch({ type: "handoff", handoff }));
    socket.on("team:availability", ({ available }) => o.dispatch({ type: "team", available }));
    socket.on("rating:request", () => o.dispatch({ type: "rating", requested: true }));
    window.addEventListener("online", this.onBrowserOnline);
  }

  stop(): void {
    window.removeEventListener("online", this.onBrowserOnline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (open && this.unread) {
      this.unread = 0;
      this.o.onUnread(0);
    }
  }

  /** The visitor typed a message: persisted first, shown as "sending", delivered when possible. */
  send(text: string): void {
    this.enqueue({ kind: "text", clientMessageId: newClientMessageId(), text });
  }

  chooseSuggestion(s: WireSource): void {
    this.enqueue({ kind: "suggestion", clientMessageId: newClientMessageId(), faqEntryKey: s.key, question: s.question });
  }

  retry(clientMessageId: string, text: string): void {
    this.o.dispatch({ type: "retry", clientMessageId });
    this.enqueue({ kind: "text", clientMessageId, text });
  }

  async feedback(messageId: string, value: 1 | -1 | 0, previous: number): Promise<void> {
    this.o.dispatch({ type: "feedback", messageId, value });
    const r = await this.request("message:feedback", { messageId, value });
    if (!r || "error" in r) this.o.dispatch({ type: "feedback", messageId, value: previous });
  }

  async requestHandoff(): Promise<AckError | null> {
    const r = await this.request("handoff:request", {});
    if (r && "ok" in r) this.o.dispatch({ type: "handoff", handoff: r.handoff });
    return this.errorOf(r);
  }

  async offlineTicket(email: string, message: string): Promise<AckError | null> {
    return this.errorOf(await this.request("offline:ticket", { email, message }));
  }

  /** The pre-chat form's answers; null when stored, else the server's error (with field details). */
  async prechat(answers: { name: string; email: string; topic: string }): Promise<(AckError & { details?: unknown }) | null> {
    const err = this.errorOf(await this.request("prechat:submit", answers));
    if (!err) this.o.dispatch({ type: "prechat:done" });
    return err;
  }

  /**
   * Sends a file (image or PDF) as the customer's message: checked for size here, for its content
   * by the server; the stored message comes back and joins the conversation like any other.
   */
  async attach(file: File, maxBytes: number): Promise<void> {
    const o = this.o;
    const t = o.strings();
    if (file.size > maxBytes) return o.dispatch({ type: "notice", text: t.fileTooLarge(formatBytes(file.size), formatBytes(maxBytes)) });
    const form = new FormData();
    form.set("key", o.widgetKey);
    form.set("visitorToken", o.store.getItem(storageKeys.visitorToken(o.widgetKey)) ?? "");
    form.set("clientMessageId", newClientMessageId());
    form.set("file", file, file.name);
    o.dispatch({ type: "notice", text: t.uploading });
    try {
      const res = await fetch(`${o.appOrigin}/api/widget/attachments`, { method: "POST", body: form, credentials: "omit" });
      const body = (await res.json().catch(() => null)) as { message?: WireMessage; error?: { message?: string } } | null;
      if (!res.ok || !body?.message) return o.dispatch({ type: "notice", text: body?.error?.message ?? t.genericError });
      o.dispatch({ type: "notice", text: null });
      const m = body.message;
      this.receive(m, () => o.dispatch({ type: "message", message: m }));
    } catch {
      o.dispatch({ type: "notice", text: t.reconnecting });
    }
  }

  async rate(score: number, comment?: string): Promise<AckError | null> {
    return this.errorOf(await this.request("rating:submit", { score, ...(comment ? { comment } : {}) }));
  }

  /**
   * A verified identity from the host page: sent before anything else on every connection until
   * the server answers. When it names another visitor (this customer's chat on another device),
   * the token is replaced and the client reconnects as them and syncs their conversation.
   */
  identify(payload: IdentifyPayload): Promise<IdentifyResult> {
    return new Promise((resolve) => {
      this.identity = { payload, done: [...(this.identity?.done ?? []), resolve] };
      if (this.synced) void this.applyIdentity();
    });
  }

  /** True when the client is reconnecting as another visitor. */
  private async applyIdentity(): Promise<boolean> {
    const pending = this.identity;
    if (!pending) return false;
    const r = await this.request("identify", pending.payload);
    if (!r) return false; // no answer: tried again on the next connection
    if (this.identity === pending) this.identity = null;
    if ("error" in r) {
      for (const f of pending.done) f({ ok: false, error: r.error.message });
      return false;
    }
    for (const f of pending.done) f({ ok: true, id: r.identity.id });
    if (!r.visitorToken) return false;
    const o = this.o;
    o.store.setItem(storageKeys.visitorToken(o.widgetKey), r.visitorToken);
    this.maxSeq = 0;
    this.seen.clear();
    this.synced = false;
    o.dispatch({ type: "visitor:changed" });
    this.socket?.disconnect().connect();
    return true;
  }

  typing(typing: boolean): void {
    if (this.socket?.connected) this.socket.emit("typing", { typing });
  }

  private onBrowserOnline = () => {
    // Skip socket.io's back-off when the browser knows the network is back.
    if (this.socket && !this.socket.connected) this.socket.connect();
  };

  private enqueue(item: OutboxItem): void {
    this.outbox.add(item);
    this.o.dispatch({ type: "queued", clientMessageId: item.clientMessageId, text: outboxText(item) });
    void this.pump();
  }

  private async onConnect(): Promise<void> {
    const o = this.o;
    if (this.identity && (await this.applyIdentity())) return;
    const r = await this.request("sync", { afterSeq: this.maxSeq }).catch(() => null);
    if (!r || "error" in r) {
      // Stay visibly "reconnecting" and try again; nothing is sent before a successful sync.
      if (this.socket?.connected) this.later(() => void this.onConnect(), 3000);
      return;
    }
    const fresh = r.messages.filter((m) => !this.seen.has(m.id));
    for (const m of r.messages) this.track(m);
    o.dispatch({ type: "synced", messages: r.messages, handoff: r.handoff, config: r.config, prechatDone: r.prechatDone });
    o.dispatch({ type: "connection", status: "online" });
    if (this.initialSyncDone) this.countUnread(fresh);
    this.initialSyncDone = true;
    this.synced = true;
    await this.pump();
  }

  /** Sends the outbox, oldest first, one at a time; stops on disconnect and resumes after sync. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (!this.synced || !this.socket?.connected) return;
        const item = this.outbox.list()[0];
        if (!item) return;
        const r =
          item.kind === "text"
            ? await this.request("message:send", { clientMessageId: item.clientMessageId, text: item.text })
            : await this.request("suggestion:choose", { clientMessageId: item.clientMessageId, faqEntryKey: item.faqEntryKey, question: item.question });
        if (!r) {
          // No ack (disconnected or timed out): the item stays; the next connect re-sends it.
          if (this.socket?.connected) this.later(() => void this.pump(), 3000);
          return;
        }
        if ("ok" in r) {
          this.outbox.remove(item.clientMessageId);
          this.receive(r.message, () => this.o.dispatch({ type: "acked", clientMessageId: item.clientMessageId, message: r.message }));
          continue;
        }
        if (r.error.code === "rate_limited") {
          this.o.dispatch({ type: "notice", text: this.o.strings().rateLimited(r.error.retryAfterSeconds) });
          this.later(() => {
            this.o.dispatch({ type: "notice", text: null });
            void this.pump();
          }, Math.max(1, r.error.retryAfterSeconds ?? 5) * 1000);
          return;
        }
        // Refused for good (too long, closed conversation…): show why, let the visitor retry.
        this.outbox.remove(item.clientMessageId);
        this.o.dispatch({ type: "failed", clientMessageId: item.clientMessageId, error: r.error.message || this.o.strings().genericError });
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Emits with an ack; null when disconnected, on disconnect, or after the timeout. */
  private request<E extends AckedEvent>(event: E, payload: PayloadOf<E>): Promise<ReplyOf<E> | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (r: unknown) => {
        clearTimeout(timer);
        socket.off("disconnect", onDisconnect);
        resolve(r as never);
      };
      const onDisconnect = () => done(null);
      const timer = setTimeout(() => done(null), ACK_TIMEOUT_MS);
      socket.once("disconnect", onDisconnect);
      (socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, done);
    });
  }

  private errorOf(r: Ack | null): AckError | null {
    if (!r) return { code: "offline", message: this.o.strings().reconnecting };
    return "error" in r ? r.error : null;
  }

  private receive(m: WireMessage, apply: () => void): void {
    const isNew = !this.seen.has(m.id);
    this.track(m);
    apply();
    if (isNew && this.initialSyncDone) this.countUnread([m]);
  }

  private track(m: WireMessage): void {
    this.seen.add(m.id);
    if (m.seq > this.maxSeq) this.maxSeq = m.seq;
  }

  private countUnread(messages: WireMessage[]): void {
    const incoming = messages.filter((m) => m.role === "bot" || m.role === "agent");
    const last = incoming[incoming.length - 1];
    // In the message's own language when it has one (the widget's labels switch a moment later).
    const s = last?.language && isUiLanguage(last.language) ? uiStrings(last.language) : this.o.strings();
    if (last) this.o.onAnnounce(s.newMessage(last.role === "agent" ? (last.authorName ?? s.agent) : s.bot, last.text));
    if (this.open || incoming.length === 0) return;
    this.unread += incoming.length;
    this.o.onUnread(this.unread);
  }

  private later(fn: () => void, ms: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      fn();
    }, ms);
  }
}

// What the chat frame shows, as a pure reducer: stored messages merged by id and ordered by seq
// (the same message may arrive from a sync, an ack, a `message` echo and `bot:done`), unconfirmed
// messages from the outbox, streamed bot replies in progress, and the handoff, rating and
// connection state. Kept free of React and sockets so the merge rules are unit-tested.
import type { HandoffStatus, WidgetConfig, WireMessage } from "@/lib/chat/protocol";

export interface PendingMessage {
  clientMessageId: string;
  text: string;
  status: "sending" | "failed";
  error?: string;
}

export interface StreamingReply {
  replyTo: string;
  text: string;
}

export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "refused";

export interface ChatState {
  messages: WireMessage[];
  pending: PendingMessage[];
  streams: StreamingReply[];
  /** Replies whose stream was cut by a reconnect: late deltas are ignored, `bot:done` still lands. */
  droppedStreams: string[];
  config: WidgetConfig | null;
  handoff: HandoffStatus;
  connection: ConnectionStatus;
  connectionError: string | null;
  agentTyping: { typing: boolean; name: string | null };
  ratingRequested: boolean;
  notice: string | null;
  /** False while the workspace's pre-chat form waits for this visitor's answers. */
  prechatDone: boolean;
}

export type ChatAction =
  | { type: "synced"; messages: WireMessage[]; handoff?: HandoffStatus; config?: WidgetConfig; prechatDone?: boolean }
  | { type: "prechat:done" }
  | { type: "message"; message: WireMessage }
  | { type: "queued"; clientMessageId: string; text: string }
  | { type: "acked"; clientMessageId: string; message: WireMessage }
  | { type: "failed"; clientMessageId: string; error: string }
  | { type: "retry"; clientMessageId: string }
  | { type: "discard"; clientMessageId: string }
  | { type: "bot:typing"; replyTo: string }
  /** `replace`: the server rewrote the reply so far (e.g. a grounding correction). */
  | { type: "bot:delta"; replyTo: string; text: string; replace?: boolean }
  | { type: "bot:done"; replyTo: string; message: WireMessage }
  | { type: "feedback"; messageId: string; value: number }
  | { type: "config"; config: WidgetConfig }
  | { type: "handoff"; handoff: HandoffStatus }
  /** An agent's presence changed: whether someone from the team could take the chat now. */
  | { type: "team"; available: boolean }
  | { type: "connection"; status: ConnectionStatus; error?: string | null }
  | { type: "agent:typing"; typing: boolean; name: string | null }
  | { type: "rating"; requested: boolean }
  | { type: "notice"; text: string | null }
  /** This browser became another visitor (a verified identity): that visitor's chat replaces this one. */
  | { type: "visitor:changed" };

export function initialChatState(pending: { clientMessageId: string; text: string }[] = []): ChatState {
  return {
    messages: [],
    pending: pending.map((p) => ({ ...p, status: "sending" })),
    streams: [],
    droppedStreams: [],
    config: null,
    handoff: { state: "none" },
    connection: "connecting",
    connectionError: null,
    agentTyping: { typing: false, name: null },
    ratingRequested: false,
    notice: null,
    prechatDone: true,
  };
}

/** Stored messages merged by id (the newer copy wins), one per customer client id, by seq. */
export function mergeMessages(existing: readonly WireMessage[], incoming: readonly WireMessage[]): WireMessage[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  const seenClientIds = new Set<string>();
  const out: WireMessage[] = [];
  for (const m of [...byId.values()].sort((a, b) => a.seq - b.seq)) {
    if (m.clientMessageId) {
      if (seenClientIds.has(m.clientMessageId)) continue;
      seenClientIds.add(m.clientMessageId);
    }
    out.push(m);
  }
  return out;
}

export function highestSeq(messages: readonly WireMessage[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0);
}

/** Pending messages minus those the server has stored (matched by client id). */
function withoutStored(pending: PendingMessage[], stored: readonly WireMessage[]): PendingMessage[] {
  const ids = new Set(stored.map((m) => m.clientMessageId).filter(Boolean));
  return pending.some((p) => ids.has(p.clientMessageId)) ? pending.filter((p) => !ids.has(p.clientMessageId)) : pending;
}

/** The state with a stored message merged into the history (in seq order, once). */
function withMessage(state: ChatState, message: WireMessage): ChatState {
  return { ...state, messages: mergeMessages(state.messages, [message]) };
}

export function chatReducer(state: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case "synced":
      // A (re)connect: streams that were in flight will not finish on this connection.
      return {
        ...state,
        messages: mergeMessages(state.messages, a.messages),
        pending: withoutStored(state.pending, a.messages),
        droppedStreams: [...state.droppedStreams, ...state.streams.map((s) => s.replyTo)].slice(-50),
        streams: [],
        handoff: a.handoff ?? state.handoff,
        config: a.config ?? state.config,
        prechatDone: a.prechatDone ?? state.prechatDone,
      };
    case "prechat:done":
      return { ...state, prechatDone: true };
    case "message":
      return { ...withMessage(state, a.message), pending: withoutStored(state.pending, [a.message]) };
    case "queued":
      if (state.pending.some((p) => p.clientMessageId === a.clientMessageId)) return state;
      // A new message from the customer: they went on without rating, so the prompt goes away.
      return { ...state, pending: [...state.pending, { clientMessageId: a.clientMessageId, text: a.text, status: "sending" }], notice: null, ratingRequested: false };
    case "acked":
      return { ...withMessage(state, a.message), pending: state.pending.filter((p) => p.clientMessageId !== a.clientMessageId) };
    case "failed":
      return { ...state, pending: state.pending.map((p) => (p.clientMessageId === a.clientMessageId ? { ...p, status: "failed", error: a.error } : p)) };
    case "retry":
      return { ...state, pending: state.pending.map((p) => (p.clientMessageId === a.clientMessageId ? { ...p, status: "sending", error: undefined } : p)) };
    case "discard":
      return { ...state, pending: state.pending.filter((p) => p.clientMessageId !== a.clientMessageId) };
    case "bot:typing":
      if (state.streams.some((s) => s.replyTo === a.replyTo) || state.droppedStreams.includes(a.replyTo)) return state;
      return { ...state, streams: [...state.streams, { replyTo: a.replyTo, text: "" }] };
    case "bot:delta": {
      if (state.droppedStreams.includes(a.replyTo)) return state;
      const exists = state.streams.some((s) => s.replyTo === a.replyTo);
      const streams = exists
        ? state.streams.map((s) => (s.replyTo === a.replyTo ? { ...s, text: a.replace ? a.text : s.text + a.text } : s))
        : [...state.streams, { replyTo: a.replyTo, text: a.text }];
      return { ...state, streams };
    }
    case "bot:done":
      return { ...withMessage(state, a.message), streams: state.streams.filter((s) => s.replyTo !== a.replyTo) };
    case "feedback":
      return { ...state, messages: state.messages.map((m) => (m.id === a.messageId ? { ...m, feedback: a.value } : m)) };
    case "config":
      return { ...state, config: a.config };
    case "team":
      return state.config ? { ...state, config: { ...state.config, teamAvailable: a.available } } : state;
    case "handoff":
      return { ...state, handoff: a.handoff, agentTyping: a.handoff.state === "assigned" ? state.agentTyping : { typing: false, name: null } };
    case "connection":
      return { ...state, connection: a.status, connectionError: a.error ?? null };
    case "agent:typing":
      return { ...state, agentTyping: { typing: a.typing, name: a.name } };
    case "rating":
      return { ...state, ratingRequested: a.requested };
    case "notice":
      return { ...state, notice: a.text };
    case "visitor:changed":
      return { ...initialChatState(), pending: state.pending, config: state.config };
  }
}

// The widget ⇄ server chat protocol on the Socket.IO namespace `/widget`. Shared by the server
// (lib/chat) and the widget client (components/widget): payloads are validated with these zod
// schemas at runtime on the server, and typed with the inferred types on both sides.
//
// Connection: io(`${origin}/widget`, { auth: { key, visitorToken?, language? } }). The server checks
// the tenant key and the page origin, then emits `session` with the (possibly new) visitor token,
// which the widget keeps in localStorage and sends on every later connection.
//
// Delivery: every customer message carries a client id (uuid). The server acks `message:send`
// only after the message is stored; the widget re-sends unacked messages after a reconnect; a
// repeated client id returns the stored message (`duplicate: true`), so the database keeps one copy.
// After (re)connecting the widget calls `sync` with the highest `seq` it has seen and receives
// everything after it. Bot replies stream as `bot:delta` chunks and end with `bot:done` carrying
// the stored, complete message, which replaces the streamed bubble. A reply interrupted by a
// server restart is never stored half-way: the widget drops unfinished streamed bubbles on
// reconnect and the server answers the pending question again, once.
import { z } from "zod";
import type { PrechatMode } from "@/lib/chat/prechat-form";

export const ZClientMessageId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const ZSendMessage = z.object({ clientMessageId: ZClientMessageId, text: z.string() });
export const ZSync = z.object({ afterSeq: z.number().int().min(0).default(0) });
export const ZFeedback = z.object({ messageId: z.string().min(1).max(64), value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) });
export const ZChooseSuggestion = z.object({ clientMessageId: ZClientMessageId, faqEntryKey: z.string().min(1).max(100), question: z.string().max(500) });
export const ZHandoffRequest = z.object({ clientMessageId: ZClientMessageId.optional() }).default({});
export const ZOfflineTicket = z.object({ email: z.string().trim().email("Enter a valid e-mail address.").max(200), message: z.string().trim().min(1, "Write a message.").max(4000) });
export const ZRating = z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(1000).optional() });
export const ZTyping = z.object({ typing: z.boolean() });

export type TSendMessage = z.infer<typeof ZSendMessage>;

/** A verified identity claim from the host page (checked in lib/identity/identify-visitor.ts). */
export const ZIdentify = z.object({
  id: z.string().trim().min(1, "The identity needs the customer's id.").max(200, "The customer's id is longer than 200 characters."),
  email: z.string().trim().email("The identity's e-mail address is not valid.").max(200).nullish(),
  name: z.string().trim().max(200, "The identity's name is longer than 200 characters.").nullish(),
  signature: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, "The identity signature must be the hex HMAC-SHA256 of the customer's id (64 characters)."),
});
export type IdentifyPayload = z.input<typeof ZIdentify>;

export interface WireSource {
  key: string;
  /** The FAQ entry's question, or the document's title. */
  question: string;
  /** A knowledge document's link (its URL, or its public page here); absent for FAQ entries. */
  url?: string;
  kind?: "faq" | "document";
}

export interface WireMessage {
  id: string;
  seq: number;
  role: "customer" | "bot" | "agent" | "system";
  text: string;
  clientMessageId: string | null;
  createdAt: string;
  /** FAQ entry or knowledge document the bot answered from (shown as a source chip; documents link to themselves). */
  source?: WireSource | null;
  /** "Did you mean" choices, shown as buttons. */
  suggestions?: WireSource[];
  /** Calibrated probability that the answer is right (bot answers). */
  confidence?: number | null;
  feedback?: number | null;
  authorName?: string | null;
  /** Language of a bot reply: the widget labels its buttons in it. */
  language?: string | null;
  /** Offer a "talk to a person" button under this reply. */
  offerPerson?: boolean;
  /** An image or PDF sent in the conversation, with a signed link that expires (lib/attachments). */
  attachment?: { id: string; name: string; contentType: string; size: number; url: string };
  /** System notices that the widget renders specially. */
  kind?: "handoff_queued" | "handoff_assigned" | "handoff_resolved" | "offline" | "returned_to_bot" | null;
}

export interface HandoffStatus {
  state: "none" | "queued" | "assigned" | "resolved" | "offline";
  position?: number;
  etaSeconds?: number | null;
  agentName?: string | null;
  /** For "offline": why no person can answer now, or that the customer asked to be written to. */
  reason?: "no_agents" | "closed" | "in_writing";
}

export interface WidgetConfig {
  tenantName: string;
  /** The workspace's logo (same-origin URL), shown in the chat header; null without one. */
  logoUrl: string | null;
  color: string;
  greeting: Record<string, string>;
  languages: string[];
  defaultLanguage: string;
  maxMessageChars: number;
  /** Largest file a customer may attach (bytes). */
  attachmentMaxBytes: number;
  /** The pre-chat form's fields (asked before the first message), or null when the form is off. */
  prechat: { name: PrechatMode; email: PrechatMode; topic: PrechatMode } | null;
  /** Whether someone from the team could take the chat when the widget (re)connected: business hours and an agent online. */
  teamAvailable: boolean;
}

/** Acks: `{ ok: true, … }` or `{ error: { code, message } }` (message written for the customer). */
export type Ack<T = object> = ({ ok: true } & T) | { error: { code: string; message: string; retryAfterSeconds?: number } };

export interface ServerToWidgetEvents {
  session: (p: { visitorToken: string }) => void;
  config: (p: WidgetConfig) => void;
  /** A stored message (customer echo for other tabs, agent, system, complete bot reply). */
  message: (m: WireMessage) => void;
  /** `replyTo` is the stored id of the customer message answered; `replyToClientId` its client id. */
  "bot:typing": (p: { replyTo: string; replyToClientId: string | null }) => void;
  /** `replace: true`: discard the streamed text so far and show `text` instead (guard fallback). */
  "bot:delta": (p: { replyTo: string; replyToClientId: string | null; text: string; replace?: boolean }) => void;
  "bot:done": (p: { replyTo: string; replyToClientId: string | null; message: WireMessage }) => void;
  "agent:typing": (p: { typing: boolean; name: string | null }) => void;
  "handoff:status": (p: HandoffStatus) => void;
  /** Someone from the team could (or no longer could) take a chat: an agent's presence changed. */
  "team:availability": (p: { available: boolean }) => void;
  "rating:request": (p: { conversationId: string }) => void;
}

export interface WidgetToServerEvents {
  /** `prechatDone`: the visitor already answered the pre-chat form (or has a conversation). */
  sync: (p: z.input<typeof ZSync>, ack: (r: Ack<{ conversationId: string | null; messages: WireMessage[]; handoff: HandoffStatus; config: WidgetConfig; prechatDone: boolean }>) => void) => void;
  /** The pre-chat form's answers (validated against the workspace's form, stored on the visitor). */
  "prechat:submit": (p: { name?: string | null; email?: string | null; topic?: string | null }, ack: (r: Ack) => void) => void;
  "message:send": (p: TSendMessage, ack: (r: Ack<{ message: WireMessage; duplicate: boolean }>) => void) => void;
  "message:feedback": (p: z.infer<typeof ZFeedback>, ack: (r: Ack) => void) => void;
  "suggestion:choose": (p: z.infer<typeof ZChooseSuggestion>, ack: (r: Ack<{ message: WireMessage; duplicate: boolean }>) => void) => void;
  "handoff:request": (p: z.input<typeof ZHandoffRequest>, ack: (r: Ack<{ handoff: HandoffStatus }>) => void) => void;
  "offline:ticket": (p: z.infer<typeof ZOfflineTicket>, ack: (r: Ack<{ ticketId: string }>) => void) => void;
  "rating:submit": (p: z.infer<typeof ZRating>, ack: (r: Ack) => void) => void;
  /**
   * A verified identity from the host page (`FaqBot.identify`; checked in lib/identity). When the
   * ack carries a `visitorToken`, this browser is now another visitor (the same customer on another
   * device): the widget stores the token and reconnects, then syncs that visitor's conversation.
   */
  identify: (p: IdentifyPayload, ack: (r: Ack<{ identity: { id: string; email: string | null; name: string | null; verified: true }; visitorToken?: string }>) => void) => void;
  typing: (p: z.infer<typeof ZTyping>) => void;
}

// The agent console ⇄ server protocol on the Socket.IO namespace `/agent` (session cookie auth).
// Shared by the server (lib/handoff/agent-socket.ts) and the console (components/agent). Payloads
// are validated with these schemas on the server. Acks are `{ ok: true, … }` or `{ error }`.
//
// The console keeps one socket. On connect it sets its presence and calls `queue:list`; whenever
// the server emits `queue:changed` it calls `queue:list` again (cheap, and never out of step).
// Opening a conversation (`conversation:open`) returns its full history and subscribes the socket
// to its live events (`conversation:message`, `customer:typing`, `conversation:updated`).
import { z } from "zod";
import type { WireMessage } from "@/lib/chat/protocol";

const id = z.string().min(1).max(64);

export const ZPresence = z.object({ presence: z.enum(["online", "away", "offline"]) });
export const ZConversationRef = z.object({ conversationId: id });
export const ZAgentMessage = z.object({ conversationId: id, clientMessageId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/), text: z.string() });
export const ZAgentNote = z.object({ conversationId: id, text: z.string() });
export const ZAgentTyping = z.object({ conversationId: id, typing: z.boolean() });
export const ZTransfer = z.object({ conversationId: id, toAgentId: id });
export const ZTicketRef = z.object({ ticketId: id });
export const ZTicketReply = z.object({
  ticketId: id,
  text: z.string().trim().min(1, "Write the answer.").max(10_000, "Keep the answer under 10,000 characters."),
  /** Mark the ticket handled once the e-mail is sent (default). */
  close: z.boolean().default(true),
});

export interface HandoffContextView {
  trigger: string;
  questions: string[];
  botAnswers: { question: string; answer: string; confidence: number | null; decision: string }[];
}

export interface QueueItem {
  handoffId: string;
  conversationId: string;
  reason: string;
  priority: number;
  queuedAt: string;
  position: number;
  context: HandoffContextView;
  language: string | null;
  lastMessage: string | null;
  /** The team whose queue holds it; null in a workspace without teams. */
  team: { id: string; name: string } | null;
  /** When the first agent message is due (the team's first-response target), or null. */
  firstResponseDueAt: string | null;
}

/** Another conversation of the same customer (same visitor, or the same e-mail address). */
export interface EarlierConversation {
  id: string;
  status: string;
  createdAt: string;
  /** The customer's first message, shortened. */
  firstMessage: string | null;
  messageCount: number;
  /** How it is known to be the same customer. */
  matchedBy: "visitor" | "email";
}

export interface ConversationSummary {
  conversationId: string;
  status: string;
  owner: string;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
  reason: string | null;
  language: string | null;
  lastMessage: string | null;
  updatedAt: string;
}

export interface TicketView {
  id: string;
  email: string;
  message: string;
  createdAt: string;
  conversationId: string | null;
}

export interface AgentView {
  id: string;
  name: string;
  role: string;
  presence: "online" | "away" | "offline";
  activeChats: number;
  maxChats: number;
}

/** Messages as agents see them: customer-visible ones plus internal notes (role "note"). */
export type AgentWireMessage = Omit<WireMessage, "role"> & { role: WireMessage["role"] | "note" };

export interface DecisionView {
  messageId: string | null;
  kind: string;
  faqEntryKey: string | null;
  confidence: number | null;
  reason: string;
  createdAt: string;
}

export interface ConversationDetail {
  id: string;
  status: string;
  owner: string;
  language: string | null;
  assignedAgentId: string | null;
  visitor: {
    id: string;
    email: string | null;
    name: string | null;
    createdAt: string;
    /** The website's id for the customer when it proved it (FaqBot.identify, lib/identity); else null. */
    customerId: string | null;
    verified: boolean;
    /** The pre-chat form's answers (lib/chat/prechat.ts), when the customer gave them. */
    prechat: { name: string | null; email: string | null; topic: string | null; submittedAt: string } | null;
  };
  messages: AgentWireMessage[];
  decisions: DecisionView[];
  handoff: { id: string; reason: string; status: string; queuedAt: string; claimedAt: string | null; context: HandoffContextView; team: { id: string; name: string } | null; firstResponseDueAt: string | null; firstResponseAt: string | null } | null;
  rating: { score: number; comment: string | null } | null;
  /** The customer's other conversations, newest first. */
  history: EarlierConversation[];
}

export interface AgentToServerEvents {
  "presence:set": (p: z.infer<typeof ZPresence>, ack: (r: unknown) => void) => void;
  "queue:list": (p: object, ack: (r: { ok: true; queue: QueueItem[]; mine: ConversationSummary[]; tickets: TicketView[]; me: AgentView; teams: { id: string; name: string }[] } | { error: { code: string; message: string } }) => void) => void;
  "agents:list": (p: object, ack: (r: { ok: true; agents: AgentView[] }) => void) => void;
  "conversation:open": (p: z.infer<typeof ZConversationRef>, ack: (r: { ok: true; conversation: ConversationDetail } | { error: { code: string; message: string } }) => void) => void;
  "conversation:close": (p: z.infer<typeof ZConversationRef>) => void;
  "conversation:watch": (p: z.infer<typeof ZConversationRef>, ack: (r: unknown) => void) => void;
  "conversation:unwatch": (p: z.infer<typeof ZConversationRef>) => void;
  "handoff:claim": (p: z.infer<typeof ZConversationRef>, ack: (r: unknown) => void) => void;
  "agent:message": (p: z.infer<typeof ZAgentMessage>, ack: (r: unknown) => void) => void;
  "agent:note": (p: z.infer<typeof ZAgentNote>, ack: (r: unknown) => void) => void;
  "agent:typing": (p: z.infer<typeof ZAgentTyping>) => void;
  "handoff:transfer": (p: z.infer<typeof ZTransfer>, ack: (r: unknown) => void) => void;
  "handoff:resolve": (p: z.infer<typeof ZConversationRef>, ack: (r: unknown) => void) => void;
  "handoff:release": (p: z.infer<typeof ZConversationRef>, ack: (r: unknown) => void) => void;
  "ticket:close": (p: z.infer<typeof ZTicketRef>, ack: (r: unknown) => void) => void;
  /** Answers an offline ticket by e-mail (SMTP_URL); refused with a message when e-mail is not configured. */
  "ticket:reply": (p: z.input<typeof ZTicketReply>, ack: (r: unknown) => void) => void;
}

export interface ServerToAgentEvents {
  "queue:changed": (p: { tenantId: string }) => void;
  "tickets:changed": (p: { tenantId: string }) => void;
  "conversation:message": (p: { conversationId: string; message: AgentWireMessage }) => void;
  "customer:typing": (p: { conversationId: string; typing: boolean }) => void;
  "conversation:updated": (p: { conversationId: string; status: string; owner: string; assignedAgentId: string | null }) => void;
  /** A customer wrote in a conversation that is queued or with an agent (lists show the latest). */
  "queue:activity": (p: { conversationId: string }) => void;
  /** A customer rated a resolved conversation. */
  "rating:received": (p: { conversationId: string; score: number }) => void;
  /** This agent was given a conversation (round-robin or transfer). */
  "handoff:assigned": (p: { conversationId: string }) => void;
  /** The tenant's active model changed (publish or rollback). */
  "model:published": (p: { tenantId: string; modelVersionId: string | null }) => void;
  "training:progress": (p: { runId: string; status: string; phase: string | null; progress: number; error?: string | null; modelVersionId?: string | null }) => void;
}

// Shapes carried on sockets once authenticated, and the room names every domain shares.
import type { Logger } from "pino";
import type { SessionUser } from "@/lib/auth/session";

export interface AgentSocketData {
  kind: "agent";
  user: SessionUser;
  log: Logger;
}

export interface WidgetSocketData {
  kind: "widget";
  tenantId: string;
  visitorId: string;
  visitorToken: string;
  ip: string;
  /** The browser's language as the widget reported it. */
  language: string | null;
  log: Logger;
}

export const rooms = {
  tenantAgents: (tenantId: string) => `t:${tenantId}:agents`,
  /** Every open widget of a tenant (team availability for the header). */
  tenantWidgets: (tenantId: string) => `t:${tenantId}:widgets`,
  agent: (userId: string) => `u:${userId}`,
  visitor: (visitorId: string) => `v:${visitorId}`,
  conversation: (conversationId: string) => `c:${conversationId}`,
  /** Agents watching one conversation (console open on it). */
  conversationAgents: (conversationId: string) => `c:${conversationId}:agents`,
};

// Typed sending to rooms: the widget of one visitor (all their tabs), the agents of a tenant, one
// agent, the agents watching one conversation. Only lib/realtime uses it (the domain publishes
// events; lib/realtime/deliver.ts turns them into these calls). A no-op before the server attached
// Socket.IO (scripts, in-process tests).
import type { Namespace } from "socket.io";
import { getIo } from "@/lib/app/lifecycle";
import { rooms } from "@/lib/realtime/types";
import type { ServerToWidgetEvents, WidgetToServerEvents } from "@/lib/chat/protocol";
import type { AgentToServerEvents, ServerToAgentEvents } from "@/lib/handoff/agent-protocol";

type WidgetNsp = Namespace<WidgetToServerEvents, ServerToWidgetEvents>;
type AgentNsp = Namespace<AgentToServerEvents, ServerToAgentEvents>;

export function widgetNamespace(): WidgetNsp | undefined {
  return getIo()?.of("/widget") as WidgetNsp | undefined;
}

export function agentNamespace(): AgentNsp | undefined {
  return getIo()?.of("/agent") as AgentNsp | undefined;
}

export function emitToTenantWidgets<E extends keyof ServerToWidgetEvents>(tenantId: string, event: E, ...args: Parameters<ServerToWidgetEvents[E]>): void {
  widgetNamespace()?.to(rooms.tenantWidgets(tenantId)).emit(event, ...args);
}

export function emitToVisitor<E extends keyof ServerToWidgetEvents>(visitorId: string, event: E, ...args: Parameters<ServerToWidgetEvents[E]>): void {
  widgetNamespace()?.to(rooms.visitor(visitorId)).emit(event, ...args);
}

export function emitToTenantAgents<E extends keyof ServerToAgentEvents>(tenantId: string, event: E, ...args: Parameters<ServerToAgentEvents[E]>): void {
  agentNamespace()?.to(rooms.tenantAgents(tenantId)).emit(event, ...args);
}

export function emitToConversationAgents<E extends keyof ServerToAgentEvents>(conversationId: string, event: E, ...args: Parameters<ServerToAgentEvents[E]>): void {
  agentNamespace()?.to(rooms.conversationAgents(conversationId)).emit(event, ...args);
}

export function emitToAgent<E extends keyof ServerToAgentEvents>(userId: string, event: E, ...args: Parameters<ServerToAgentEvents[E]>): void {
  agentNamespace()?.to(rooms.agent(userId)).emit(event, ...args);
}

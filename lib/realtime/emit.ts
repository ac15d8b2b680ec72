// Sending events to rooms from any domain: the widget of one visitor (all their tabs), the agents
// of a tenant, the agents watching one conversation. A no-op before the server attached Socket.IO
// (scripts, unit tests).
import { getIo } from "@/lib/app/lifecycle";
import { rooms } from "@/lib/realtime/types";
import type { ServerToWidgetEvents } from "@/lib/chat/protocol";

export function emitToVisitor<E extends keyof ServerToWidgetEvents>(visitorId: string, event: E, ...args: Parameters<ServerToWidgetEvents[E]>): void {
  getIo()?.of("/widget").to(rooms.visitor(visitorId)).emit(event, ...(args as unknown[]));
}

export function emitToTenantAgents(tenantId: string, event: string, payload: unknown): void {
  getIo()?.of("/agent").to(rooms.tenantAgents(tenantId)).emit(event, payload);
}

export function emitToConversationAgents(conversationId: string, event: string, payload: unknown): void {
  getIo()?.of("/agent").to(rooms.conversationAgents(conversationId)).emit(event, payload);
}

export function emitToAgent(userId: string, event: string, payload: unknown): void {
  getIo()?.of("/agent").to(rooms.agent(userId)).emit(event, payload);
}

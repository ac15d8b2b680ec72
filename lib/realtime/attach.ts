// Creates the Socket.IO server on the app's HTTP server: namespace /widget for customers and
// /agent for agents and admins, each behind its authentication middleware. Domain handlers
// (chat, handoff, training progress) register themselves through `onWidgetConnection` /
// `onAgentConnection`; what the domain publishes reaches the rooms through lib/realtime/deliver.ts.
import type http from "node:http";
import { Server, type Namespace, type Socket } from "socket.io";
import { authenticateAgent, authenticateWidget } from "@/lib/realtime/auth";
import { rooms, type AgentSocketData, type WidgetSocketData } from "@/lib/realtime/types";
import { env } from "@/lib/env";
import { setupScaleOut } from "@/lib/scale/setup";
import { AGENT_BUDGET, useEventBudget, WIDGET_BUDGET } from "@/lib/realtime/event-budget";
import { socketIp } from "@/lib/realtime/auth";
import { startRealtimeDelivery } from "@/lib/realtime/deliver";

type WidgetHandler = (socket: Socket & { data: WidgetSocketData }, nsp: Namespace) => void;
type AgentHandler = (socket: Socket & { data: AgentSocketData }, nsp: Namespace) => void;

const g = globalThis as unknown as { __faqbotWidgetHandlers?: WidgetHandler[]; __faqbotAgentHandlers?: AgentHandler[] };
const widgetHandlers = (g.__faqbotWidgetHandlers ??= []);
const agentHandlers = (g.__faqbotAgentHandlers ??= []);

export function onWidgetConnection(h: WidgetHandler): void {
  widgetHandlers.push(h);
}
export function onAgentConnection(h: AgentHandler): void {
  agentHandlers.push(h);
}

export function attachRealtime(server: http.Server): Server {
  const io = new Server(server, {
    path: "/socket.io",
    // Origins are checked per tenant in the widget middleware; CORS must let any site's widget
    // reach the handshake so that check can run and give a clear refusal.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: Math.max(64 * 1024, env().MAX_MESSAGE_CHARS * 8),
    connectionStateRecovery: undefined,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });

  setupScaleOut(io);
  startRealtimeDelivery();

  const widget = io.of("/widget");
  widget.use((socket, next) => void authenticateWidget(socket, next));
  widget.on("connection", (socket) => {
    const s = socket as Socket & { data: WidgetSocketData };
    // Before any handler: every event of the socket goes through its budget.
    useEventBudget(s, s.data.ip, WIDGET_BUDGET);
    void s.join([rooms.visitor(s.data.visitorId), rooms.tenantWidgets(s.data.tenantId)]);
    s.emit("session", { visitorToken: s.data.visitorToken });
    for (const h of widgetHandlers) h(s, widget);
  });

  const agent = io.of("/agent");
  agent.use((socket, next) => void authenticateAgent(socket, next));
  agent.on("connection", (socket) => {
    const s = socket as Socket & { data: AgentSocketData };
    useEventBudget(s, socketIp(s), AGENT_BUDGET);
    void s.join([rooms.tenantAgents(s.data.user.tenantId), rooms.agent(s.data.user.id)]);
    for (const h of agentHandlers) h(s, agent);
  });
  return io;
}

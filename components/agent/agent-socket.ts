// The console's one Socket.IO connection to the /agent namespace (the session cookie travels with
// the handshake) and a promise-style `call` for events that answer with an ack. Protocol:
// lib/handoff/agent-protocol.ts.
"use client";

import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { AgentToServerEvents, ServerToAgentEvents } from "@/lib/handoff/agent-protocol";
import { pageWorkspace } from "@/components/workspace/page-workspace";

export type AgentSocket = Socket<ServerToAgentEvents, AgentToServerEvents>;
export type AckError = { code: string; message: string };
export type Result<T> = ({ ok: true } & T) | { error: AckError };
export type ConnectionState = "connecting" | "online" | "offline";

const ACK_TIMEOUT_MS = 15_000;

/** Emits an acked event; a timeout or lost connection becomes an error the agent can read. */
export async function call<T = object>(socket: AgentSocket, event: keyof AgentToServerEvents, payload: object = {}): Promise<Result<T>> {
  try {
    const raw = socket as unknown as Socket;
    return (await raw.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Result<T>;
  } catch {
    return { error: { code: "timeout", message: "The server did not answer. Check your connection and try again." } };
  }
}

export function isOk<T>(r: Result<T>): r is { ok: true } & T {
  return "ok" in r && r.ok === true;
}

/**
 * Creates the socket once per page, not yet connected: the console attaches its listeners first
 * and then calls `connect()`, so it never misses the first `connect`.
 */
export function useAgentSocket(): { socket: AgentSocket | null; connection: ConnectionState } {
  const [socket, setSocket] = useState<AgentSocket | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  useEffect(() => {
    // `workspace`: the one this page shows; after a switch in another tab the server refuses it.
    const s: AgentSocket = io("/agent", { autoConnect: false, transports: ["websocket", "polling"], withCredentials: true, auth: { workspace: pageWorkspace() } });
    const online = () => setConnection("online");
    const offline = () => setConnection("offline");
    const failed = (err: Error) => {
      setConnection("offline");
      // The session ended (signed out elsewhere, expired): back to the login page.
      if (/sign in/i.test(err.message)) window.location.assign("/login?next=%2Fagent");
      // The session moved to another workspace (switched in another tab): show that one.
      else if (/switched to another workspace/i.test(err.message)) window.location.reload();
    };
    s.on("connect", online);
    s.on("disconnect", offline);
    s.on("connect_error", failed);
    setSocket(s);
    return () => {
      s.off("connect", online);
      s.off("disconnect", offline);
      s.off("connect_error", failed);
      s.close();
    };
  }, []);
  return { socket, connection };
}

/** Client message ids, as the widget makes them (works outside secure contexts too). */
export { newClientMessageId } from "@/components/widget/client-id";

// The open conversation: full history (live), the customer's typing, our replies and notes, and
// what to do with it — claim, transfer, resolve, hand back to the bot.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AgentWireMessage, ConversationDetail } from "@/lib/handoff/agent-protocol";
import { call, isOk, newClientMessageId, type AgentSocket } from "./agent-socket";
import { MessageHistory, type PendingMessage } from "./message-history";
import { Composer, type CannedResponse, type ComposerControl } from "./composer";
import { ContextPanel } from "./context-panel";
import { TransferControl } from "./transfer-control";
import { AttachButton } from "./attach-button";

const TYPING_TIMEOUT_MS = 6000;

function upsert(list: AgentWireMessage[], m: AgentWireMessage): AgentWireMessage[] {
  if (list.some((x) => x.id === m.id)) return list.map((x) => (x.id === m.id ? m : x));
  return [...list, m].sort((a, b) => a.seq - b.seq);
}

/** What the console's keyboard shortcuts can do to the open conversation. */
export interface ConversationControl {
  status: string;
  claim(): void;
  resolve(): void;
  composer: { current: ComposerControl | null };
}

const STATUS_LABEL: Record<string, string> = { open: "With the bot", queued: "Waiting in the queue", assigned: "With an agent", resolved: "Resolved", closed: "Closed" };

export function ConversationView({
  socket,
  conversationId,
  me,
  canned,
  announce,
  onError,
  onClaim,
  onChanged,
  onOpenConversation,
  control,
}: {
  onOpenConversation?: (conversationId: string) => void;
  control?: { current: ConversationControl | null };
  socket: AgentSocket;
  conversationId: string;
  me: { id: string; role: string };
  canned: CannedResponse[];
  announce: (text: string) => void;
  onError: (message: string | null) => void;
  onClaim: (conversationId: string) => Promise<void>;
  onChanged: () => void;
}) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [customerTyping, setCustomerTyping] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const composer = useRef<ComposerControl | null>(null);

  useEffect(() => {
    let cancelled = false;
    setDetail(null);
    setPending([]);
    setLoadError(null);
    setCustomerTyping(false);
    const load = async () => {
      const r = await call<{ conversation: ConversationDetail }>(socket, "conversation:open", { conversationId });
      if (cancelled) return;
      if (isOk(r)) setDetail(r.conversation);
      else setLoadError(r.error.message);
    };
    const onMessage = (p: { conversationId: string; message: AgentWireMessage }) => {
      if (p.conversationId !== conversationId) return;
      setDetail((d) => (d ? { ...d, messages: upsert(d.messages, p.message) } : d));
      if (p.message.clientMessageId) setPending((list) => list.filter((x) => x.clientMessageId !== p.message.clientMessageId));
      if (p.message.role === "customer") {
        setCustomerTyping(false);
        announce(`Customer: ${p.message.text}`);
      }
    };
    const onTyping = (p: { conversationId: string; typing: boolean }) => {
      if (p.conversationId !== conversationId) return;
      setCustomerTyping(p.typing);
      if (typingTimer.current) clearTimeout(typingTimer.current);
      if (p.typing) typingTimer.current = setTimeout(() => setCustomerTyping(false), TYPING_TIMEOUT_MS);
    };
    const onUpdated = (p: { conversationId: string; status: string; owner: string; assignedAgentId: string | null }) => {
      if (p.conversationId !== conversationId) return;
      setDetail((d) => (d ? { ...d, status: p.status, owner: p.owner, assignedAgentId: p.assignedAgentId } : d));
    };
    // After a reconnect the socket left every room: open again (rejoins and catches up).
    const onReconnect = () => void load();
    socket.on("conversation:message", onMessage);
    socket.on("customer:typing", onTyping);
    socket.on("conversation:updated", onUpdated);
    socket.on("connect", onReconnect);
    void load();
    return () => {
      cancelled = true;
      socket.off("conversation:message", onMessage);
      socket.off("customer:typing", onTyping);
      socket.off("conversation:updated", onUpdated);
      socket.off("connect", onReconnect);
      if (typingTimer.current) clearTimeout(typingTimer.current);
      socket.emit("conversation:close", { conversationId });
    };
  }, [socket, conversationId, announce]);

  const count = (detail?.messages.length ?? 0) + pending.length;
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
  }, [count, customerTyping]);

  const act = useCallback(
    async (name: string, event: "handoff:resolve" | "handoff:release", done: string) => {
      setBusy(name);
      onError(null);
      const r = await call(socket, event, { conversationId });
      setBusy(null);
      if (!isOk(r)) return onError(r.error.message);
      announce(done);
      onChanged();
    },
    [socket, conversationId, onError, announce, onChanged],
  );

  const status = detail?.status ?? null;
  const canResolve = !!detail && detail.status === "assigned" && (detail.assignedAgentId === me.id || me.role !== "agent");
  useEffect(() => {
    if (!control) return;
    control.current = status
      ? {
          status,
          claim: () => {
            if (status === "queued") void onClaim(conversationId);
          },
          resolve: () => {
            if (canResolve) void act("resolve", "handoff:resolve", "Conversation resolved.");
            else onError("Only a conversation you are handling can be resolved.");
          },
          composer,
        }
      : null;
    return () => {
      control.current = null;
    };
  }, [control, status, canResolve, conversationId, onClaim, act, onError]);

  if (loadError) return <p role="alert" className="p-6 text-sm text-red-700">{loadError}</p>;
  if (!detail) return <p className="p-6 text-sm text-slate-500">Loading the conversation…</p>;

  const mine = detail.status === "assigned" && (detail.assignedAgentId === me.id || me.role !== "agent");

  const send = async (text: string) => {
    const clientMessageId = newClientMessageId();
    setPending((p) => [...p, { clientMessageId, text, failed: false }]);
    const r = await call<{ message: AgentWireMessage }>(socket, "agent:message", { conversationId, clientMessageId, text });
    if (!isOk(r)) {
      setPending((p) => p.filter((x) => x.clientMessageId !== clientMessageId));
      onError(r.error.message);
      return false;
    }
    setPending((p) => p.filter((x) => x.clientMessageId !== clientMessageId));
    setDetail((d) => (d ? { ...d, messages: upsert(d.messages, r.message) } : d));
    return true;
  };
  const note = async (text: string) => {
    const r = await call<{ message: AgentWireMessage }>(socket, "agent:note", { conversationId, text });
    if (!isOk(r)) {
      onError(r.error.message);
      return false;
    }
    setDetail((d) => (d ? { ...d, messages: upsert(d.messages, r.message) } : d));
    return true;
  };
  const transfer = async (toAgentId: string) => {
    onError(null);
    const r = await call(socket, "handoff:transfer", { conversationId, toAgentId });
    if (!isOk(r)) return onError(r.error.message);
    announce("Conversation transferred.");
    onChanged();
  };

  const button = "rounded-md border px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";
  return (
    <div className="grid h-full min-h-0 lg:grid-cols-[1fr_18rem]" data-testid="conversation" data-conversation-id={detail.id} data-status={detail.status}>
      <div className="flex min-h-0 flex-col">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2">
          <p className="text-sm">
            <span className="font-medium" data-testid="conversation-status">
              {STATUS_LABEL[detail.status] ?? detail.status}
            </span>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            {detail.status === "queued" && (
              <button type="button" className={`${button} border-blue-600 bg-blue-600 text-white`} data-testid="conversation-claim" onClick={() => void onClaim(conversationId)}>
                Claim
              </button>
            )}
            {mine && (
              <>
                <AttachButton conversationId={conversationId} className={`${button} border-slate-300 hover:bg-slate-100`} onSent={(m) => setDetail((d) => (d ? { ...d, messages: upsert(d.messages, m) } : d))} onError={onError} />
                <TransferControl socket={socket} meId={me.id} onTransfer={transfer} />
                <button type="button" disabled={busy !== null} className={`${button} border-slate-300 hover:bg-slate-100`} data-testid="release" onClick={() => void act("release", "handoff:release", "The bot has the conversation again.")}>
                  Hand back to bot
                </button>
                <button type="button" disabled={busy !== null} className={`${button} border-emerald-600 bg-emerald-600 text-white hover:bg-emerald-700`} data-testid="resolve" onClick={() => void act("resolve", "handoff:resolve", "Conversation resolved.")}>
                  {busy === "resolve" ? "Resolving…" : "Resolve"}
                </button>
              </>
            )}
          </div>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto bg-slate-50 p-4">
          <MessageHistory messages={detail.messages} decisions={detail.decisions} pending={pending} customerTyping={customerTyping} />
          <div ref={bottom} />
        </div>
        <Composer
          key={detail.id}
          control={composer}
          canned={canned}
          canReply={mine}
          onSend={send}
          onNote={note}
          onTyping={(typing) => socket.emit("agent:typing", { conversationId, typing })}
        />
      </div>
      <div className="border-l border-slate-200 bg-white p-4 lg:overflow-y-auto">
        <ContextPanel c={detail} onOpen={onOpenConversation} />
      </div>
    </div>
  );
}

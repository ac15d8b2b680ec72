// The agent console: presence, the live queue, my conversations, offline messages and the open
// conversation. One socket for the page; every list is refetched from `queue:list` whenever the
// server says the queue changed, so the console never drifts from the database.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AgentView, ConversationSummary, QueueItem, TicketView } from "@/lib/handoff/agent-protocol";
import { call, isOk, useAgentSocket } from "./agent-socket";
import { chime, PRESENCE_KEY, recall, remember, SOUND_KEY, storedPresence, useTitleCount, type Presence } from "./hooks";
import { reasonLabel } from "./labels";
import { PresenceSwitch } from "./presence-switch";
import { QueuePanel } from "./queue-panel";
import { MyConversations, TicketsPanel } from "./side-lists";
import { ConversationView } from "./conversation-view";
import type { CannedResponse } from "./composer";

interface QueueData {
  queue: QueueItem[];
  mine: ConversationSummary[];
  tickets: TicketView[];
  me: AgentView;
}

const TITLE = "Agent console · FAQ Bot";

export function AgentConsole({ user }: { user: { id: string; name: string; role: string } }) {
  const { socket, connection } = useAgentSocket();
  const [data, setData] = useState<QueueData | null>(null);
  const [presence, setPresenceState] = useState<Presence>("online");
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [closingTicket, setClosingTicket] = useState<string | null>(null);
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [sound, setSound] = useState(false);
  const [unread, setUnread] = useState<Set<string>>(() => new Set());
  const known = useRef<Set<string> | null>(null);
  const soundRef = useRef(false);
  const openRef = useRef<string | null>(null);
  const mineRef = useRef<Set<string>>(new Set());
  openRef.current = openId;
  mineRef.current = new Set(data?.mine.map((c) => c.conversationId) ?? []);

  const announce = useCallback((text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u200b` : text)), []);

  const refresh = useCallback(async () => {
    if (!socket) return;
    const r = await call<QueueData>(socket, "queue:list");
    if (!isOk(r)) return setError(r.error.message);
    setData({ queue: r.queue, mine: r.mine, tickets: r.tickets, me: r.me });
    // New arrivals (not the first load) are announced, and chime when the agent asked for sound.
    const ids = new Set(r.queue.map((q) => q.handoffId));
    if (known.current) {
      const fresh = r.queue.filter((q) => !known.current!.has(q.handoffId));
      if (fresh.length > 0) {
        announce(`New in the queue: ${fresh.map((q) => reasonLabel(q.reason)).join(", ")}.`);
        if (soundRef.current) chime();
      }
    }
    known.current = ids;
  }, [socket, announce]);

  useEffect(() => {
    const p = storedPresence();
    setPresenceState(p);
    const s = recall(SOUND_KEY) === "on";
    setSound(s);
    soundRef.current = s;
    void fetch("/api/canned-responses")
      .then((r) => (r.ok ? r.json() : { cannedResponses: [] }))
      .then((b: { cannedResponses?: CannedResponse[] }) => setCanned(b.cannedResponses ?? []))
      .catch(() => setCanned([]));
  }, []);

  useEffect(() => {
    if (!socket) return;
    const onConnect = async () => {
      const r = await call(socket, "presence:set", { presence: storedPresence() });
      if (!isOk(r)) setError(r.error.message);
      await refresh();
    };
    const onChanged = () => void refresh();
    // A customer wrote in one of my conversations that is not on screen: mark it and say so.
    const onActivity = (p: { conversationId: string }) => {
      void refresh();
      if (p.conversationId === openRef.current || !mineRef.current.has(p.conversationId)) return;
      setUnread((u) => new Set(u).add(p.conversationId));
      announce("New customer message in another of your conversations.");
    };
    const onAssigned = (p: { conversationId: string }) => {
      announce("A conversation was assigned to you.");
      setOpenId((cur) => cur ?? p.conversationId);
      void refresh();
    };
    socket.on("connect", onConnect);
    socket.on("queue:changed", onChanged);
    socket.on("tickets:changed", onChanged);
    socket.on("queue:activity", onActivity);
    socket.on("handoff:assigned", onAssigned);
    socket.connect();
    return () => {
      socket.off("connect", onConnect);
      socket.off("queue:changed", onChanged);
      socket.off("tickets:changed", onChanged);
      socket.off("queue:activity", onActivity);
      socket.off("handoff:assigned", onAssigned);
    };
  }, [socket, refresh, announce]);

  useTitleCount(data?.queue.length ?? 0, TITLE);

  const changePresence = async (p: Presence) => {
    setPresenceState(p);
    remember(PRESENCE_KEY, p);
    if (!socket) return;
    const r = await call(socket, "presence:set", { presence: p });
    if (!isOk(r)) setError(r.error.message);
  };

  const claim = useCallback(
    async (conversationId: string) => {
      if (!socket) return;
      setClaiming(conversationId);
      setError(null);
      const r = await call(socket, "handoff:claim", { conversationId });
      setClaiming(null);
      if (isOk(r)) {
        setOpenId(conversationId);
        announce("Conversation claimed. You can reply now.");
      } else {
        setError(r.error.message);
      }
      await refresh();
    },
    [socket, refresh, announce],
  );

  const closeTicket = async (ticketId: string) => {
    if (!socket) return;
    setClosingTicket(ticketId);
    const r = await call(socket, "ticket:close", { ticketId });
    setClosingTicket(null);
    if (!isOk(r)) setError(r.error.message);
    await refresh();
  };

  const open = useCallback((id: string) => {
    setOpenId(id);
    setUnread((u) => {
      if (!u.has(id)) return u;
      const next = new Set(u);
      next.delete(id);
      return next;
    });
  }, []);

  const onError = useCallback((m: string | null) => setError(m), []);
  const onChanged = useCallback(() => void refresh(), [refresh]);

  return (
    <div className="flex h-[calc(100vh-3.5rem)] min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2">
        <PresenceSwitch presence={presence} connection={connection} onChange={(p) => void changePresence(p)} />
        <div className="flex items-center gap-4 text-sm text-slate-600">
          {data && (
            <span data-testid="my-load">
              {data.me.activeChats}/{data.me.maxChats} chats
            </span>
          )}
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={sound}
              onChange={(e) => {
                setSound(e.target.checked);
                soundRef.current = e.target.checked;
                remember(SOUND_KEY, e.target.checked ? "on" : "off");
              }}
              className="focus-visible:outline-2 focus-visible:outline-blue-600"
            />
            Sound for new customers
          </label>
        </div>
      </div>
      {error && (
        <div role="alert" className="flex items-center justify-between gap-2 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="console-error">
          <span>{error}</span>
          <button type="button" onClick={() => setError(null)} className="rounded px-2 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-600" aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[20rem_1fr]">
        <nav aria-label="Queue and conversations" className="space-y-6 overflow-y-auto border-r border-slate-200 p-4">
          {data ? (
            <>
              <QueuePanel items={data.queue} busyId={claiming} onClaim={(id) => void claim(id)} onPreview={open} />
              <MyConversations title={user.role === "agent" ? "My conversations" : "Conversations with agents"} items={data.mine} openId={openId} unread={unread} onOpen={open} />
              <TicketsPanel items={data.tickets} busyId={closingTicket} onClose={(id) => void closeTicket(id)} />
            </>
          ) : (
            <p className="text-sm text-slate-500">Loading the queue…</p>
          )}
        </nav>
        <main className="min-h-0 overflow-hidden">
          {socket && openId ? (
            <ConversationView socket={socket} conversationId={openId} me={{ id: user.id, role: user.role }} canned={canned} announce={announce} onError={onError} onClaim={claim} onChanged={onChanged} />
          ) : (
            <div className="flex h-full items-center justify-center p-6 text-sm text-slate-500">Claim a customer from the queue, or open one of your conversations.</div>
          )}
        </main>
      </div>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">
        {announcement}
      </div>
    </div>
  );
}

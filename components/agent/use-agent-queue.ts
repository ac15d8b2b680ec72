// The console's live lists over the agent socket: the queue, my conversations, offline messages
// and my load, refetched from `queue:list` whenever the server says something changed (so the
// console never drifts from the database); which conversation is open and which have unread
// customer messages; claiming customers and closing offline messages.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AgentView, ConversationSummary, QueueItem, TicketView } from "@/lib/handoff/agent-protocol";
import { call, isOk, type AgentSocket } from "./agent-socket";
import { chime, storedPresence } from "./hooks";
import { reasonLabel } from "./labels";

export interface QueueData {
  queue: QueueItem[];
  mine: ConversationSummary[];
  tickets: TicketView[];
  me: AgentView;
  /** The teams whose queues this console shows (all of them for admins); empty without teams. */
  teams: { id: string; name: string }[];
}

interface Options {
  socket: AgentSocket | null;
  /** Says something in the page's live region. */
  announce: (text: string) => void;
  /** Whether new arrivals chime (read when they arrive). */
  soundOn: () => boolean;
  /** Whether new arrivals raise a desktop notification (read when they arrive). */
  notifyOn?: () => boolean;
  /** Shows (or, with null, clears) an error the agent can read. */
  onError: (message: string | null) => void;
}

/** "New customer waiting" on the desktop; a click brings the console forward (and opens them when nothing is open). */
function desktopNotice(q: QueueItem, onClick: () => void): void {
  try {
    const n = new Notification("New customer waiting", { body: `${reasonLabel(q.reason)}${q.team ? ` · ${q.team.name}` : ""}${q.lastMessage ? `: ${q.lastMessage.slice(0, 120)}` : ""}`, tag: q.handoffId });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    /* notifications unavailable (permission withdrawn meanwhile) */
  }
}

export function useAgentQueue({ socket, announce, soundOn, notifyOn = () => false, onError }: Options) {
  const [data, setData] = useState<QueueData | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [unread, setUnread] = useState<Set<string>>(() => new Set());
  const [claiming, setClaiming] = useState<string | null>(null);
  const [closingTicket, setClosingTicket] = useState<string | null>(null);
  const known = useRef<Set<string> | null>(null);
  const openRef = useRef<string | null>(null);
  const mineRef = useRef<Set<string>>(new Set());
  openRef.current = openId;
  mineRef.current = new Set(data?.mine.map((c) => c.conversationId) ?? []);

  const refresh = useCallback(async () => {
    if (!socket) return;
    const r = await call<QueueData>(socket, "queue:list");
    if (!isOk(r)) return onError(r.error.message);
    setData({ queue: r.queue, mine: r.mine, tickets: r.tickets, me: r.me, teams: r.teams ?? [] });
    // New arrivals (not the first load) are announced, and chime when the agent asked for sound.
    const ids = new Set(r.queue.map((q) => q.handoffId));
    if (known.current) {
      const fresh = r.queue.filter((q) => !known.current!.has(q.handoffId));
      if (fresh.length > 0) {
        announce(`New in the queue: ${fresh.map((q) => reasonLabel(q.reason)).join(", ")}.`);
        if (soundOn()) chime();
        // A desktop notification only while the console is not in front (otherwise the list says it).
        if (notifyOn() && !document.hasFocus()) for (const q of fresh.slice(0, 3)) desktopNotice(q, () => openRef.current === null && setOpenId(q.conversationId));
      }
    }
    known.current = ids;
  }, [socket, announce, soundOn, notifyOn, onError]);

  useEffect(() => {
    if (!socket) return;
    const onConnect = async () => {
      const r = await call(socket, "presence:set", { presence: storedPresence() });
      if (!isOk(r)) onError(r.error.message);
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
  }, [socket, refresh, announce, onError]);

  const claim = useCallback(
    async (conversationId: string) => {
      if (!socket) return;
      setClaiming(conversationId);
      onError(null);
      const r = await call(socket, "handoff:claim", { conversationId });
      setClaiming(null);
      if (isOk(r)) {
        setOpenId(conversationId);
        announce("Conversation claimed. You can reply now.");
      } else {
        onError(r.error.message);
      }
      await refresh();
    },
    [socket, refresh, announce, onError],
  );

  const closeTicket = useCallback(
    async (ticketId: string) => {
      if (!socket) return;
      setClosingTicket(ticketId);
      const r = await call(socket, "ticket:close", { ticketId });
      setClosingTicket(null);
      if (!isOk(r)) onError(r.error.message);
      await refresh();
    },
    [socket, refresh, onError],
  );

  /** Opens a conversation and clears its unread mark. */
  const open = useCallback((id: string) => {
    setOpenId(id);
    setUnread((u) => {
      if (!u.has(id)) return u;
      const next = new Set(u);
      next.delete(id);
      return next;
    });
  }, []);

  return { data, refresh, openId, open, unread, claim, claiming, closeTicket, closingTicket };
}

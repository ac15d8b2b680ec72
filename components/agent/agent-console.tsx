// The agent console page: presence, the live queue, my conversations, offline messages and the
// open conversation. The state lives in hooks (one socket for the page: agent-socket.ts; the lists
// and claims: use-agent-queue.ts; remembered settings: use-console-settings.ts; canned responses:
// use-canned-responses.ts); this component lays the pieces out.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useAgentSocket } from "./agent-socket";
import { useAnnouncer, useTitleCount } from "./hooks";
import { useAgentQueue } from "./use-agent-queue";
import { useConsoleSettings } from "./use-console-settings";
import { useCannedResponses } from "./use-canned-responses";
import { ConsoleToolbar } from "./console-toolbar";
import { ConsoleError } from "./console-error";
import { QueuePanel } from "./queue-panel";
import { MyConversations, TicketsPanel } from "./side-lists";
import { ConversationView, type ConversationControl } from "./conversation-view";
import { SearchPanel } from "./search-panel";
import { useShortcuts, type ShortcutAction } from "./shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";

const TITLE = "Agent console · FAQ Bot";

export function AgentConsole({ user, mailEnabled = false }: { user: { id: string; name: string; role: string }; mailEnabled?: boolean }) {
  const { socket, connection } = useAgentSocket();
  const [error, setError] = useState<string | null>(null);
  const { announcement, announce } = useAnnouncer();
  const settings = useConsoleSettings(socket, setError);
  const canned = useCannedResponses();
  const { data, refresh, openId, open, unread, claim, claiming, closeTicket, closingTicket } = useAgentQueue({ socket, announce, soundOn: settings.soundOn, notifyOn: settings.notifyOn, onError: setError });

  useTitleCount(data?.queue.length ?? 0, TITLE);
  // A link to one conversation (/agent?conversation=…, e.g. from an offline message) opens it.
  useEffect(() => {
    const linked = new URLSearchParams(window.location.search).get("conversation");
    if (linked) open(linked);
  }, [open]);
  const onChanged = useCallback(() => void refresh(), [refresh]);

  // Keyboard shortcuts (components/agent/shortcuts.ts): they act on the lists and on the open
  // conversation through its control (claim, resolve, the composer).
  const [help, setHelp] = useState(false);
  const conversation = useRef<ConversationControl | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const onShortcut = (action: ShortcutAction) => {
    const order = [...(data?.queue.map((q) => q.conversationId) ?? []), ...(data?.mine.map((c) => c.conversationId) ?? [])];
    const at = openId ? order.indexOf(openId) : -1;
    switch (action) {
      case "help":
        return setHelp((h) => !h);
      case "next":
      case "previous": {
        if (order.length === 0) return announce("No conversations to move to.");
        const next = action === "next" ? (at + 1) % order.length : at <= 0 ? order.length - 1 : at - 1;
        return open(order[next]!);
      }
      case "claim": {
        if (conversation.current?.status === "queued") return conversation.current.claim();
        const first = data?.queue[0];
        if (first) return void claim(first.conversationId);
        return announce("Nobody is waiting in the queue.");
      }
      case "resolve":
        return conversation.current ? conversation.current.resolve() : announce("Open a conversation first.");
      case "reply":
      case "note":
      case "canned":
        if (!conversation.current?.composer.current) return announce("Open a conversation first.");
        return conversation.current.composer.current.focus(action === "note" ? "note" : "reply", action === "canned" ? "/" : undefined);
      case "search":
        return search.current?.focus();
    }
  };
  useShortcuts(onShortcut, () => setHelp(false));
  const teamsNote = data && data.teams.length > 0 ? (user.role === "agent" ? `Your teams: ${data.teams.map((t) => t.name).join(", ")}` : "All teams' queues") : null;

  return (
    <div className="flex h-[calc(100vh-3.5rem)] min-h-0 flex-col">
      <ConsoleToolbar
        presence={settings.presence}
        connection={connection}
        onPresence={(p) => void settings.changePresence(p)}
        load={data?.me ?? null}
        sound={settings.sound}
        onSound={settings.setSound}
        notify={settings.notify}
        onNotify={(on) => void settings.setNotify(on)}
        onHelp={() => setHelp(true)}
      />
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {error && <ConsoleError message={error} onDismiss={() => setError(null)} />}
      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[20rem_1fr]">
        <nav aria-label="Queue and conversations" className="space-y-6 overflow-y-auto border-r border-slate-200 p-4">
          {data ? (
            <>
              <QueuePanel items={data.queue} busyId={claiming} onClaim={(id) => void claim(id)} onPreview={open} openId={openId} teamsNote={teamsNote} />
              <MyConversations title={user.role === "agent" ? "My conversations" : "Conversations with agents"} items={data.mine} openId={openId} unread={unread} onOpen={open} />
              <TicketsPanel items={data.tickets} busyId={closingTicket} onClose={(id) => void closeTicket(id)} socket={socket} mailEnabled={mailEnabled} onReplied={onChanged} onOpen={open} />
              <SearchPanel ref={search} teams={data.teams} onOpen={open} />
            </>
          ) : (
            <p className="text-sm text-slate-500">Loading the queue…</p>
          )}
        </nav>
        <main className="min-h-0 overflow-hidden">
          {socket && openId ? (
            <ConversationView socket={socket} conversationId={openId} me={{ id: user.id, role: user.role }} canned={canned} announce={announce} onError={setError} onClaim={claim} onChanged={onChanged} onOpenConversation={open} control={conversation} />
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

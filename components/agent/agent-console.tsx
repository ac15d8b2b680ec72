// The agent console page: presence, the live queue, my conversations, offline messages and the
// open conversation. The state lives in hooks (one socket for the page: agent-socket.ts; the lists
// and claims: use-agent-queue.ts; remembered settings: use-console-settings.ts; canned responses:
// use-canned-responses.ts); this component lays the pieces out.
"use client";

import { useCallback, useState } from "react";
import { useAgentSocket } from "./agent-socket";
import { useAnnouncer, useTitleCount } from "./hooks";
import { useAgentQueue } from "./use-agent-queue";
import { useConsoleSettings } from "./use-console-settings";
import { useCannedResponses } from "./use-canned-responses";
import { ConsoleToolbar } from "./console-toolbar";
import { ConsoleError } from "./console-error";
import { QueuePanel } from "./queue-panel";
import { MyConversations, TicketsPanel } from "./side-lists";
import { ConversationView } from "./conversation-view";

const TITLE = "Agent console · FAQ Bot";

export function AgentConsole({ user, mailEnabled = false }: { user: { id: string; name: string; role: string }; mailEnabled?: boolean }) {
  const { socket, connection } = useAgentSocket();
  const [error, setError] = useState<string | null>(null);
  const { announcement, announce } = useAnnouncer();
  const settings = useConsoleSettings(socket, setError);
  const canned = useCannedResponses();
  const { data, refresh, openId, open, unread, claim, claiming, closeTicket, closingTicket } = useAgentQueue({ socket, announce, soundOn: settings.soundOn, onError: setError });

  useTitleCount(data?.queue.length ?? 0, TITLE);
  const onChanged = useCallback(() => void refresh(), [refresh]);

  return (
    <div className="flex h-[calc(100vh-3.5rem)] min-h-0 flex-col">
      <ConsoleToolbar
        presence={settings.presence}
        connection={connection}
        onPresence={(p) => void settings.changePresence(p)}
        load={data?.me ?? null}
        sound={settings.sound}
        onSound={settings.setSound}
      />
      {error && <ConsoleError message={error} onDismiss={() => setError(null)} />}
      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[20rem_1fr]">
        <nav aria-label="Queue and conversations" className="space-y-6 overflow-y-auto border-r border-slate-200 p-4">
          {data ? (
            <>
              <QueuePanel items={data.queue} busyId={claiming} onClaim={(id) => void claim(id)} onPreview={open} />
              <MyConversations title={user.role === "agent" ? "My conversations" : "Conversations with agents"} items={data.mine} openId={openId} unread={unread} onOpen={open} />
              <TicketsPanel items={data.tickets} busyId={closingTicket} onClose={(id) => void closeTicket(id)} socket={socket} mailEnabled={mailEnabled} onReplied={onChanged} />
            </>
          ) : (
            <p className="text-sm text-slate-500">Loading the queue…</p>
          )}
        </nav>
        <main className="min-h-0 overflow-hidden">
          {socket && openId ? (
            <ConversationView socket={socket} conversationId={openId} me={{ id: user.id, role: user.role }} canned={canned} announce={announce} onError={setError} onClaim={claim} onChanged={onChanged} />
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

// The console's top bar: presence and connection, my load, and the new-customer sound switch.
"use client";

import type { ConnectionState } from "./agent-socket";
import type { Presence } from "./hooks";
import { PresenceSwitch } from "./presence-switch";

export function ConsoleToolbar(props: {
  presence: Presence;
  connection: ConnectionState;
  onPresence: (p: Presence) => void;
  /** My open chats and my maximum, once the lists have loaded. */
  load: { activeChats: number; maxChats: number } | null;
  sound: boolean;
  onSound: (on: boolean) => void;
  notify?: boolean;
  onNotify?: (on: boolean) => void;
  /** Opens the keyboard shortcuts help. */
  onHelp?: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2">
      <PresenceSwitch presence={props.presence} connection={props.connection} onChange={props.onPresence} />
      <div className="flex items-center gap-4 text-sm text-slate-600">
        {props.load && (
          <span data-testid="my-load">
            {props.load.activeChats}/{props.load.maxChats} chats
          </span>
        )}
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={props.sound} onChange={(e) => props.onSound(e.target.checked)} className="focus-visible:outline-2 focus-visible:outline-blue-600" />
          Sound for new customers
        </label>
        {props.onNotify && (
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={props.notify ?? false} onChange={(e) => props.onNotify!(e.target.checked)} data-testid="notify-toggle" className="focus-visible:outline-2 focus-visible:outline-blue-600" />
            Desktop notifications
          </label>
        )}
        {props.onHelp && (
          <button type="button" onClick={props.onHelp} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600" data-testid="shortcuts-button">
            Keyboard shortcuts <kbd className="font-mono">?</kbd>
          </button>
        )}
      </div>
    </div>
  );
}

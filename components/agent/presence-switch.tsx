"use client";

import type { Presence } from "./hooks";
import type { ConnectionState } from "./agent-socket";

const OPTIONS: { value: Presence; label: string; dot: string }[] = [
  { value: "online", label: "Online", dot: "bg-emerald-500" },
  { value: "away", label: "Away", dot: "bg-amber-400" },
  { value: "offline", label: "Offline", dot: "bg-slate-400" },
];

/** Online / away / offline, plus the live connection state. */
export function PresenceSwitch({ presence, connection, onChange }: { presence: Presence; connection: ConnectionState; onChange: (p: Presence) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <fieldset className="flex items-center gap-1 rounded-lg border border-slate-200 bg-white p-1" data-testid="presence" data-presence={presence}>
        <legend className="sr-only">Your status</legend>
        {OPTIONS.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={presence === o.value}
            onClick={() => onChange(o.value)}
            data-testid={`presence-${o.value}`}
            className={`flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
              presence === o.value ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            <span aria-hidden className={`h-2 w-2 rounded-full ${o.dot}`} />
            {o.label}
          </button>
        ))}
      </fieldset>
      <span className="text-xs text-slate-500" data-testid="connection" data-state={connection}>
        {connection === "online" ? "Connected" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
      </span>
    </div>
  );
}

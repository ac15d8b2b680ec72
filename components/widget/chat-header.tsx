"use client";
// The panel's header: the tenant's logo, name and colour, the connection state, the always-reachable
// "Talk to a person" action and (inside a website) the close button.
import type { ConnectionStatus } from "./chat-state";
import type { UiStrings } from "./i18n";

interface Props {
  name: string;
  logoUrl?: string | null;
  color: string;
  connection: ConnectionStatus;
  /** False when nobody from the team could take the chat (closed, or no agent online). */
  teamAvailable: boolean;
  t: UiStrings;
  canClose: boolean;
  handoffActive: boolean;
  onHandoff: () => void;
  onClose: () => void;
}

export function ChatHeader({ name, logoUrl, color, connection, teamAvailable, t, canClose, handoffActive, onHandoff, onClose }: Props) {
  // "Online" alone would promise a person: the bot answers, but say so when the team is away.
  const status = connection === "online" ? (teamAvailable ? t.online : t.teamAway) : connection === "refused" ? t.refused : t.connecting;
  return (
    <header className="flex items-center gap-2 px-4 py-3 text-white" style={{ background: color }}>
      {logoUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- a small same-origin image, no optimisation needed
        <img src={logoUrl} alt="" className="h-8 w-8 shrink-0 rounded-full bg-white object-contain" data-testid="chat-logo" />
      )}
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-base font-semibold" id="chat-title">
          {name}
        </h1>
        <p className="flex items-center gap-1.5 text-xs" data-testid="connection" data-state={connection} data-team={teamAvailable ? "available" : "away"}>
          <span className={`inline-block h-2 w-2 rounded-full ${connection === "online" ? "bg-green-300" : "bg-amber-300"}`} aria-hidden="true" />
          {status}
        </p>
      </div>
      <button
        type="button"
        data-testid="header-handoff"
        onClick={onHandoff}
        disabled={handoffActive || connection === "refused"}
        className="rounded-full border border-white px-3 py-1.5 text-xs font-medium hover:bg-black/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-60"
      >
        {t.talkToPerson}
      </button>
      {canClose && (
        <button type="button" onClick={onClose} aria-label={t.close} title={t.close} className="rounded-full p-1.5 hover:bg-black/20 focus-visible:outline-2 focus-visible:outline-white">
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" aria-hidden="true">
            <path d="M18 6 6 18M6 6l12 12" />
          </svg>
        </button>
      )}
    </header>
  );
}

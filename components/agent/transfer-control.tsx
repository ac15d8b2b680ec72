// Handing the conversation to a colleague: pick from the team (with presence and load).
"use client";

import { useId, useState } from "react";
import type { AgentView } from "@/lib/handoff/agent-protocol";
import { Options } from "@/components/ui/kit";
import { call, isOk, type AgentSocket } from "./agent-socket";

export function TransferControl({ socket, meId, onTransfer }: { socket: AgentSocket; meId: string; onTransfer: (toAgentId: string) => Promise<void> }) {
  const [agents, setAgents] = useState<AgentView[] | null>(null);
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  const open = async () => {
    setError(null);
    const r = await call<{ agents: AgentView[] }>(socket, "agents:list");
    if (!isOk(r)) return setError(r.error.message);
    const others = r.agents.filter((a) => a.id !== meId);
    setAgents(others);
    setTarget(others.find((a) => a.presence === "online")?.id ?? others[0]?.id ?? "");
  };

  if (!agents) {
    return (
      <>
        <button type="button" onClick={() => void open()} data-testid="transfer-open" className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600">
          Transfer…
        </button>
        {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
      </>
    );
  }
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (target) void onTransfer(target).then(() => setAgents(null));
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        Transfer to
      </label>
      {agents.length === 0 ? (
        <span className="text-xs text-slate-500">No other agents in your team.</span>
      ) : (
        <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="transfer-target" className="rounded-md border border-slate-300 px-2 py-1 text-sm focus:outline-none focus:ring-2 focus:ring-blue-200">
          <Options items={agents} value={(a) => a.id} label={(a) => `${a.name} — ${a.presence}, ${a.activeChats}/${a.maxChats} chats`} />
        </select>
      )}
      <button type="submit" disabled={!target} data-testid="transfer-confirm" className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50">
        Transfer
      </button>
      <button type="button" onClick={() => setAgents(null)} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600">
        Cancel
      </button>
    </form>
  );
}

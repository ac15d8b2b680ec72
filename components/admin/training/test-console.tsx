"use client";
// Ask a question against any trained version (published or not) and see what the bot would do:
// answer, suggest or hand off, the candidate entries with their confidence, and the answer text.
// It starts on the newest version when that is newer than the live one (try-version.ts).
import { useState } from "react";
import type { Decision } from "@/lib/training/types";
import { api, pct } from "../api";
import { useApiCall } from "../use-api-call";
import { Button, Card, inputClass, Notice, Options, Table } from "../ui";
import type { ModelVersionView } from "./types";
import { defaultTryVersion, newestVersion, tryVersionLabel } from "./try-version";
import type { TrySource } from "@/lib/tenant-models/try-model";

const KIND_TEXT = { answer: "Answers directly", suggest: "Offers “did you mean…” choices", handoff: "Hands over to a person" } as const;
const TURN_TEXT: Record<string, string> = {
  smalltalk: "Replies as small talk (never queued)",
  human: "Hands over to a person",
  offtopic: "Declines politely as off-topic and offers a person",
  unknown: "Says it has no answer and offers a person",
  document: "Answers from a knowledge document (no FAQ entry answers)",
};

export function TestConsole({ versions }: { versions: ModelVersionView[] }) {
  // The admin's pick holds until a newer version appears (a training run finished): then, as
  // before any pick, the console tries the newest version if it is newer than the live one.
  const newestId = newestVersion(versions)?.id ?? null;
  const [chosen, setChosen] = useState<{ id: string; newestId: string | null } | null>(null);
  const picked = chosen && chosen.newestId === newestId && versions.some((v) => v.id === chosen.id) ? chosen.id : null;
  const versionId = picked ?? defaultTryVersion(versions)?.id ?? "";
  const trying = versions.find((v) => v.id === versionId);
  const live = versions.find((v) => v.live);
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ decision: Decision; turn?: { kind: string; intent?: string; followup?: boolean; reply?: string }; entries: Record<string, { question: string; answer: string }>; source?: TrySource | null } | null>(null);
  const [askedOn, setAskedOn] = useState<number | null>(null);
  const { error, busy, run } = useApiCall();

  async function ask(e: React.FormEvent) {
    e.preventDefault();
    const number = trying?.number ?? null;
    const answer = (await run(() => api<NonNullable<typeof result>>(`/api/admin/models/${encodeURIComponent(versionId)}/try`, { body: { text } }))) ?? null;
    setResult(answer);
    setAskedOn(number);
  }

  if (versions.length === 0) return null;
  const top = result?.decision.candidates[0];
  return (
    <Card title="Test console" testId="test-console">
      <form onSubmit={(e) => void ask(e)} className="flex flex-wrap gap-2">
        <select className={`${inputClass} w-auto`} value={versionId} onChange={(e) => setChosen({ id: e.target.value, newestId })} aria-label="Model version" data-testid="try-version">
          <Options items={versions} value={(v) => v.id} label={(v) => tryVersionLabel(v, versions)} />
        </select>
        <input className={`${inputClass} min-w-60 flex-1`} value={text} onChange={(e) => setText(e.target.value)} placeholder="Type a question a customer might ask…" data-testid="try-input" />
        <Button type="submit" variant="primary" disabled={busy || !text.trim() || !versionId} data-testid="try-ask">
          {busy ? "Asking…" : "Ask"}
        </Button>
      </form>
      {trying && (
        <p className="mt-2 text-xs text-slate-500" data-testid="try-version-note" data-live={trying.live ? "true" : "false"}>
          {trying.live
            ? `Trying model v${trying.number}, the one customers get now.`
            : `Trying model v${trying.number}, which customers do not get yet${live ? ` (they get v${live.number})` : ""}: publish it above to put it live.`}
        </p>
      )}
      {error && (
        <div className="mt-3">
          <Notice kind="error">{error}</Notice>
        </div>
      )}
      {result && (
        <div className="mt-3 space-y-2 text-sm" data-testid="try-result" data-kind={result.decision.kind} data-turn={result.turn?.kind}>
          {askedOn !== null && (
            <p className="text-xs text-slate-500" data-testid="try-answered-by">
              Model v{askedOn}:
            </p>
          )}
          <p>
            <span className="font-medium">{(result.turn && TURN_TEXT[result.turn.kind]) ?? KIND_TEXT[result.decision.kind]}</span> <span className="text-slate-500">({result.decision.reason})</span>
          </p>
          {result.turn?.reply && (
            <blockquote className="whitespace-pre-line rounded-md border-l-4 border-slate-400 bg-slate-50 p-2" data-testid="try-reply">
              {result.turn.reply}
            </blockquote>
          )}
          {result.decision.kind === "answer" && top && result.entries[top.label] && (
            <blockquote className="whitespace-pre-line rounded-md border-l-4 border-blue-500 bg-blue-50 p-2" data-testid="try-answer">
              {result.entries[top.label]!.answer}
            </blockquote>
          )}
          {result.source && (
            <p className="text-slate-700" data-testid="try-source" data-source={result.source.kind}>
              Source:{" "}
              {result.source.kind === "faq" ? (
                <>
                  FAQ entry “{result.source.question}” <span className="text-xs text-slate-400">({result.source.key})</span>
                </>
              ) : (
                <>
                  document{" "}
                  <a href={result.source.url} target="_blank" rel="noopener noreferrer" className="underline">
                    “{result.source.title}”
                  </a>
                  {result.source.heading && result.source.heading !== result.source.title ? ` — ${result.source.heading}` : ""} <span className="text-xs text-slate-400">(relevance {pct(result.source.relevance, 0)})</span>
                </>
              )}
            </p>
          )}
          <Table columns={["Candidate entry", "Confidence"]} small={false}>
              {result.decision.candidates.map((c) => (
                <tr key={c.label} className="border-t border-slate-100">
                  <td className="p-1">
                    {result.entries[c.label]?.question ?? c.label} <span className="text-xs text-slate-400">({c.label})</span>
                  </td>
                  <td className="p-1">{pct(c.confidence)}</td>
                </tr>
              ))}
          </Table>
        </div>
      )}
    </Card>
  );
}

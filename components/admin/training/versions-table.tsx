// The tenant's model versions: figures from each one's evaluation, which one is live, and the
// actions (read the report, publish, roll back).
import { pct } from "../api";
import { Button, Table } from "../ui";
import type { ModelVersionView } from "./types";

export function VersionsTable({ versions, selected, onSelect, onPublish }: { versions: ModelVersionView[]; selected: string | null; onSelect: (id: string) => void; onPublish: (v: ModelVersionView, trigger: HTMLElement) => void }) {
  const live = versions.find((x) => x.live);
  return (
    <Table
      columns={[
        "Model",
        "FAQ",
        <span key="accuracy" title="One of the bot's views alone: the classifier's best match is the right entry, on held-out phrasings (see the report's details). Not the share of questions the bot answers.">
          Classifier match
        </span>,
        <span key="own" title="Check on your own FAQ: held-out phrasings answered right on their own (see the report's details)">
          Own-FAQ check
        </span>,
        "Trained",
        "Status",
        "",
      ]}
    >
      {versions.map((v) => (
        <tr key={v.id} className={v.id === selected ? "bg-blue-50/50" : ""} data-testid="model-version" data-live={v.live ? "true" : "false"} data-number={v.number}>
          <td className="p-1.5 font-medium">
            v{v.number} <span className="text-xs text-slate-400">{v.kind}</span>
          </td>
          <td className="p-1.5">v{v.faqVersionNumber}</td>
          <td className="p-1.5">{pct(v.evaluation?.inScopeAccuracy)}</td>
          <td className="p-1.5" data-testid="own-check">
            {v.evaluation?.conversation ? `${pct(v.evaluation.conversation.ownPhrasings.directAnswer)} answered right` : v.evaluation ? `${pct(v.evaluation.answeredShare)} answered (classifier)` : "—"}
          </td>
          <td className="p-1.5 text-slate-600">{new Date(v.createdAt).toLocaleString()}</td>
          <td className="p-1.5">{v.live ? <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-800">Live</span> : <span className="text-xs text-slate-500">ready</span>}</td>
          <td className="flex justify-end gap-2 p-1.5">
            <Button onClick={() => onSelect(v.id)} data-testid="show-report">
              Report
            </Button>
            {!v.live && (
              <Button variant="primary" onClick={(e) => onPublish(v, e.currentTarget)} data-testid="publish">
                {live && live.number > v.number ? "Roll back to this" : "Publish"}
              </Button>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

// The audit log as a table with a filter form (plain GET form: works without JavaScript) and
// paging links. Server component: it only renders what lib/audit/list.ts returned.
import Link from "next/link";
import type { AuditQuery, AuditRow } from "@/lib/audit/list";
import { Button, Field, inputClass, Options, Table } from "@/components/admin/ui";

function detailsText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .filter(([k]) => k !== "apiKeyId")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

export function AuditTable({ entries, total, query, actions }: { entries: AuditRow[]; total: number; query: AuditQuery; actions: string[] }) {
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const link = (page: number) => {
    const p = new URLSearchParams();
    if (query.action) p.set("action", query.action);
    if (query.from) p.set("from", query.from);
    if (query.to) p.set("to", query.to);
    p.set("page", String(page));
    return `/admin/audit?${p}`;
  };
  return (
    <div className="space-y-4">
      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3 text-sm" data-testid="audit-filters">
        <Field label="Action">
          <select name="action" defaultValue={query.action ?? ""} className={inputClass}>
            <option value="">All actions</option>
            <Options items={actions} />
          </select>
        </Field>
        <Field label="From">
          <input type="date" name="from" defaultValue={query.from ?? ""} className={inputClass} />
        </Field>
        <Field label="To">
          <input type="date" name="to" defaultValue={query.to ?? ""} className={inputClass} />
        </Field>
        <Button type="submit" variant="primary">
          Filter
        </Button>
      </form>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No entries match.</p>
      ) : (
        <Table columns={["When (UTC)", "Who", "Action", "Target", "Details"]} testId="audit-table">
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td className="whitespace-nowrap py-2 pr-2 text-xs">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
                <td className="pr-2" data-testid="audit-actor">
                  {e.actor}
                </td>
                <td className="pr-2 font-mono text-xs">{e.action}</td>
                <td className="pr-2 font-mono text-xs">{e.target ?? ""}</td>
                <td className="break-all text-xs text-slate-600">{detailsText(e.details)}</td>
              </tr>
            ))}
        </Table>
      )}
      <div className="flex items-center gap-3 text-sm">
        <span>
          Page {query.page} of {pages} · {total} entries
        </span>
        {query.page > 1 && <Link className="underline" href={link(query.page - 1)}>Newer</Link>}
        {query.page < pages && <Link className="underline" href={link(query.page + 1)}>Older</Link>}
      </div>
    </div>
  );
}

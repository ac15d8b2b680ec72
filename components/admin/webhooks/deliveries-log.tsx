"use client";
// One webhook's delivery log: newest first, with the receiver's status code, error, attempts and
// the body sent; "Send again" queues a new delivery of the same body.
import { useCallback, useEffect, useState } from "react";
import type { DeliveryView, WebhookView } from "@/lib/webhooks/manage";
import { api } from "@/components/admin/api";
import { useApiCall } from "@/components/admin/use-api-call";
import { Button, Card, Notice, Table } from "@/components/admin/ui";

const STATUS_CLASS: Record<string, string> = { delivered: "text-green-700", failed: "text-red-700", pending: "text-amber-700", sending: "text-slate-600" };

export function DeliveriesLog({ webhook }: { webhook: WebhookView }) {
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const { error, busy, run } = useApiCall();

  const load = useCallback(async () => {
    const r = await run(() => api<{ deliveries: DeliveryView[]; total: number }>(`/api/admin/webhooks/${webhook.id}/deliveries?pageSize=50`), "Could not load the deliveries.");
    if (r) {
      setRows(r.deliveries);
      setTotal(r.total);
    }
  }, [run, webhook.id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function again(d: DeliveryView) {
    const r = await run(() => api<{ delivery: DeliveryView }>(`/api/admin/webhooks/${webhook.id}/deliveries/${d.id}/redeliver`, { method: "POST", body: {} }), "Could not send it again.");
    if (r) setRows((x) => [r.delivery, ...(x ?? [])]);
  }

  return (
    <Card title={`Deliveries to ${webhook.url}`} actions={<Button onClick={() => void load()} disabled={busy}>Refresh</Button>} testId="webhook-deliveries">
      {error && <Notice kind="error">{error}</Notice>}
      {rows === null ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing sent yet.</p>
      ) : (
        <>
          <p className="mb-2 text-xs text-slate-500">Latest {rows.length} of {total}.</p>
          <Table columns={["When", "Event", "Result", "Response", "Attempts", ""]} testId="webhook-deliveries-table">
            {rows.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery-row" data-status={d.status} className="align-top">
                <td className="py-1 text-xs">{new Date(d.createdAt).toLocaleString()}</td>
                <td className="text-xs">
                  <code>{d.event}</code>
                  {d.redeliveryOf && <span className="block text-slate-500">sent again</span>}
                </td>
                <td className={`text-xs ${STATUS_CLASS[d.status] ?? ""}`}>
                  {d.status}
                  {d.status === "pending" && d.attempts > 0 && d.nextAttemptAt && <span className="block text-slate-500">retry {new Date(d.nextAttemptAt).toLocaleTimeString()}</span>}
                </td>
                <td className="text-xs" data-testid="webhook-delivery-response">
                  {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : (d.error ?? "—")}
                  {d.durationMs !== null && <span className="block text-slate-500">{d.durationMs} ms</span>}
                </td>
                <td className="text-xs">{d.attempts}</td>
                <td className="space-x-1 whitespace-nowrap text-right">
                  <Button onClick={() => setShown(shown === d.id ? null : d.id)}>{shown === d.id ? "Hide" : "Body"}</Button>
                  <Button onClick={() => void again(d)} disabled={busy || !webhook.enabled} data-testid="webhook-redeliver">
                    Send again
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
          {shown && (
            <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs" data-testid="webhook-delivery-body">
              {(() => {
                const d = rows.find((r) => r.id === shown);
                if (!d) return "";
                try {
                  return JSON.stringify(JSON.parse(d.body), null, 2);
                } catch {
                  return d.body;
                }
              })()}
            </pre>
          )}
        </>
      )}
    </Card>
  );
}

"use client";
// Register, list, switch off/on and delete webhooks; a new webhook's signing secret is shown once.
// Each webhook's delivery log (response codes, errors, "send again") opens below it.
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { WebhookView } from "@/lib/webhooks/manage";
import { api } from "@/components/admin/api";
import { useApiCall } from "@/components/admin/use-api-call";
import { Button, Card, inputClass, Notice, Table } from "@/components/admin/ui";
import { DeliveriesLog } from "./deliveries-log";
import { useConfirm } from "@/components/admin/confirm-dialog";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function WebhooksManager({ initial, events }: { initial: WebhookView[]; events: Record<string, string> }) {
  const [hooks, setHooks] = useState(initial);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>(["handoff.queued", "ticket.created"]);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const { error, busy, run } = useApiCall();
  const ready = useHydrated();
  const { confirm, dialog } = useConfirm();

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const r = await run(() => api<{ webhook: WebhookView; secret: string }>("/api/admin/webhooks", { body: { url, events: chosen, ...(description.trim() ? { description } : {}) } }), "Could not add the webhook.");
    if (!r) return;
    setHooks([r.webhook, ...hooks]);
    setCreated({ secret: r.secret, url: r.webhook.url });
    setUrl("");
    setDescription("");
  }

  async function setEnabled(h: WebhookView, enabled: boolean) {
    const r = await run(() => api<{ webhook: WebhookView }>(`/api/admin/webhooks/${h.id}`, { method: "PATCH", body: { enabled } }), "Could not change the webhook.");
    if (r) setHooks(hooks.map((x) => (x.id === h.id ? r.webhook : x)));
  }

  async function remove(h: WebhookView, trigger: HTMLElement) {
    const ok = await confirm({ title: `Delete the webhook to ${h.url}?`, body: "Events are no longer sent to it, and its delivery log is deleted with it.", confirmLabel: "Delete webhook", tone: "danger" }, trigger);
    if (!ok) return;
    const r = await run(() => api(`/api/admin/webhooks/${h.id}`, { method: "DELETE" }), "Could not delete the webhook.");
    if (r) setHooks(hooks.filter((x) => x.id !== h.id));
  }

  return (
    <div className="space-y-6" data-testid="webhooks" data-ready={ready ? "true" : "false"}>
      {created && (
        <Notice kind="success" testId="new-webhook-secret">
          <p className="font-medium">Webhook to {created.url} added. Copy its signing secret now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-webhook-secret-value">
              {created.secret}
            </code>
            <Button onClick={() => void navigator.clipboard?.writeText(created.secret)}>Copy</Button>
            <Button onClick={() => setCreated(null)}>Done</Button>
          </div>
        </Notice>
      )}

      <Card title="Add a webhook">
        <form onSubmit={create} className="space-y-3" data-testid="create-webhook">
          <label className="block text-sm">
            <span className="font-medium">Endpoint URL</span>
            <input name="url" type="url" className={`${inputClass} w-full`} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/faqbot" required maxLength={2000} />
          </label>
          <label className="block max-w-md text-sm">
            <span className="font-medium">Description (optional)</span>
            <input name="description" className={`${inputClass} w-full`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} placeholder="e.g. Slack #support" />
          </label>
          <fieldset className="grid gap-1 text-sm sm:grid-cols-2">
            <legend className="mb-1 font-medium">Events</legend>
            {Object.entries(events).map(([name, d]) => (
              <label key={name} className="flex items-start gap-2">
                <input type="checkbox" name="event" value={name} checked={chosen.includes(name)} onChange={(e) => setChosen(e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name))} />
                <span>
                  <code className="text-xs">{name}</code> — {d}
                </span>
              </label>
            ))}
          </fieldset>
          {error && <Notice kind="error">{error}</Notice>}
          <Button type="submit" variant="primary" disabled={busy || !url.trim() || chosen.length === 0}>
            {busy ? "Adding…" : "Add webhook"}
          </Button>
        </form>
      </Card>

      <Card title="Webhooks">
        {hooks.length === 0 ? (
          <p className="text-sm text-slate-500">No webhooks yet.</p>
        ) : (
          <Table columns={["Endpoint", "Events", "State", "Last success", ""]} testId="webhooks-table">
            {hooks.map((h) => (
              <tr key={h.id} data-testid="webhook-row" data-enabled={h.enabled ? "true" : "false"} className="align-top">
                <td className="py-2">
                  <span className="break-all font-medium">{h.url}</span>
                  {h.description && <span className="block text-xs text-slate-500">{h.description}</span>}
                </td>
                <td className="text-xs">{h.events.join(", ")}</td>
                <td className="text-xs">
                  {h.enabled ? (
                    <span className="text-green-700">on{h.failureCount > 0 ? ` (${h.failureCount} failed in a row)` : ""}</span>
                  ) : (
                    <span className="text-red-700" data-testid="webhook-disabled">
                      off — {h.disabledReason ?? "switched off"}
                    </span>
                  )}
                </td>
                <td className="text-xs">{when(h.lastSuccessAt)}</td>
                <td className="space-x-1 whitespace-nowrap text-right">
                  <Button onClick={() => setOpenLog(openLog === h.id ? null : h.id)}>{openLog === h.id ? "Hide deliveries" : "Deliveries"}</Button>
                  {h.enabled ? <Button onClick={() => void setEnabled(h, false)}>Switch off</Button> : <Button onClick={() => void setEnabled(h, true)}>Switch on</Button>}
                  <Button variant="danger" onClick={(e) => void remove(h, e.currentTarget)}>
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {openLog && <DeliveriesLog key={openLog} webhook={hooks.find((h) => h.id === openLog)!} />}
      <p className="text-sm text-slate-500">
        Each delivery is a POST of <code>{"{ id, event, tenantId, occurredAt, data }"}</code> with <code>X-Faqbot-Signature: sha256=…</code> (HMAC-SHA256 of the body with the secret) and{" "}
        <code>X-Faqbot-Delivery</code> (the same on every retry). Failed deliveries are retried with growing pauses; a webhook that keeps failing is switched off and admins are told.
      </p>
      {dialog}
    </div>
  );
}

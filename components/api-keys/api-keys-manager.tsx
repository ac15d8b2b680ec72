"use client";
// Create, list and revoke API keys. A new key's secret is shown once, right after creation.
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ApiKeyView } from "@/lib/api-keys/manage";
import { api } from "@/components/admin/api";
import { useApiCall } from "@/components/admin/use-api-call";
import { Button, Card, inputClass, Notice, Table } from "@/components/admin/ui";
import { useConfirm } from "@/components/admin/confirm-dialog";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function ApiKeysManager({ initial, scopes }: { initial: ApiKeyView[]; scopes: Record<string, string> }) {
  const { confirm, dialog } = useConfirm();
  const [keys, setKeys] = useState(initial);
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>(["faq:read", "faq:write", "models:read", "models:write"]);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const { error, busy, run } = useApiCall();
  const ready = useHydrated();

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const r = await run(() => api<{ key: string; apiKey: ApiKeyView }>("/api/admin/api-keys", { body: { name, scopes: chosen } }), "Could not create the key.");
    if (!r) return;
    setKeys([r.apiKey, ...keys]);
    setCreated({ key: r.key, name: r.apiKey.name });
    setName("");
  }

  async function revoke(k: ApiKeyView, trigger: HTMLElement) {
    const ok = await confirm({ title: `Revoke “${k.name}”?`, body: "Programs using this key stop working at once. This cannot be undone: a revoked key never works again.", confirmLabel: "Revoke key", tone: "danger" }, trigger);
    if (!ok) return;
    const r = await run(() => api<{ apiKey: ApiKeyView }>(`/api/admin/api-keys/${k.id}`, { method: "DELETE" }), "Could not revoke the key.");
    if (r) setKeys(keys.map((x) => (x.id === k.id ? r.apiKey : x)));
  }

  return (
    <div className="space-y-6" data-testid="api-keys" data-ready={ready ? "true" : "false"}>
      {dialog}
      {created && (
        <Notice kind="success" testId="new-api-key">
          <p className="font-medium">Key “{created.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-api-key-value">
              {created.key}
            </code>
            <Button onClick={() => void navigator.clipboard?.writeText(created.key)}>Copy</Button>
            <Button onClick={() => setCreated(null)}>Done</Button>
          </div>
        </Notice>
      )}

      <Card title="Create a key">
        <form onSubmit={create} className="space-y-3" data-testid="create-api-key">
          <label className="block max-w-sm text-sm">
            <span className="font-medium">Name</span>
            <input name="name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CI deploy" required maxLength={80} />
          </label>
          <fieldset className="grid gap-1 text-sm sm:grid-cols-2">
            <legend className="mb-1 font-medium">Scopes</legend>
            {Object.entries(scopes).map(([s, d]) => (
              <label key={s} className="flex items-start gap-2">
                <input type="checkbox" name="scope" value={s} checked={chosen.includes(s)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s] : chosen.filter((c) => c !== s))} />
                <span>
                  <code className="text-xs">{s}</code> — {d}
                </span>
              </label>
            ))}
          </fieldset>
          {error && <Notice kind="error">{error}</Notice>}
          <Button type="submit" variant="primary" disabled={busy || !name.trim() || chosen.length === 0}>
            {busy ? "Creating…" : "Create key"}
          </Button>
        </form>
      </Card>

      <Card title="Keys">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-500">No API keys yet.</p>
        ) : (
          <Table columns={["Name", "Key", "Scopes", "Created", "Last used", ""]} testId="api-keys-table">
              {keys.map((k) => (
                <tr key={k.id} data-testid="api-key-row" data-revoked={k.revokedAt ? "true" : "false"}>
                  <td className="py-2 font-medium">{k.name}</td>
                  <td className="font-mono text-xs">fbk_{k.prefix}_…</td>
                  <td className="text-xs">{k.scopes.join(", ")}</td>
                  <td className="text-xs">{when(k.createdAt)}</td>
                  <td className="text-xs">{when(k.lastUsedAt)}</td>
                  <td className="text-right">
                    {k.revokedAt ? (
                      <span className="text-xs text-red-700">revoked {when(k.revokedAt)}</span>
                    ) : (
                      <Button variant="danger" onClick={(e) => void revoke(k, e.currentTarget)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
          </Table>
        )}
      </Card>
      <p className="text-sm text-slate-500">
        Send the key as <code>Authorization: Bearer fbk_…</code>. The API is described at <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
    </div>
  );
}

"use client";
// Settings → Verified identities: the workspace's identity secret (fetched, and so created, when
// the admin shows it), copy and rotate, and what the site's backend and page do with it.
import { useState } from "react";
import { api } from "./api";
import { useApiCall } from "./use-api-call";
import { Button, Card, Notice } from "./ui";
import { useConfirm } from "./confirm-dialog";

const BACKEND = (secret: string) => `// On your server, for the signed-in customer (Node.js):
const { createHmac } = require("node:crypto");
const IDENTITY_SECRET = process.env.FAQBOT_IDENTITY_SECRET; // ${secret.slice(0, 8)}…
const signature = createHmac("sha256", IDENTITY_SECRET).update(String(user.id)).digest("hex");`;

const PAGE = `<!-- On the page, after the widget's <script> tag: -->
<script>
  window.FaqBot.identify({ id: "42", email: "ana@example.com", name: "Ana" }, "<signature from your server>");
</script>`;

export function IdentitySecretCard() {
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [rotated, setRotated] = useState(false);
  const { error, busy, run } = useApiCall();
  const { confirm, dialog } = useConfirm();

  const show = async () => {
    const r = await run(() => api<{ secret: string }>("/api/admin/settings/identity"));
    if (r) setSecret(r.secret);
  };
  const rotate = async (trigger: HTMLElement) => {
    const ok = await confirm({ title: "Rotate the identity secret?", body: "Signatures made with the current secret stop working at once: the chat refuses them until your backend signs with the new secret. Update your backend first.", confirmLabel: "Rotate secret", tone: "danger" }, trigger);
    if (!ok) return;
    const r = await run(() => api<{ secret: string }>("/api/admin/settings/identity", { method: "POST", body: {} }));
    if (r) {
      setSecret(r.secret);
      setRotated(true);
    }
  };
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      const el = document.getElementById("identity-secret");
      if (el) window.getSelection()?.selectAllChildren(el);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <Card title="Verified identities" testId="identity-card">
      <p className="mb-3 text-sm text-slate-600">
        Tell the chat who your signed-in customers are, so they continue their conversation on any device and agents see them as <strong>verified</strong>. Your
        server signs the customer&apos;s id with this secret (HMAC-SHA256, hex); a claim without a valid signature is refused. Keep the secret on your server only.
      </p>
      {secret === null ? (
        <Button onClick={() => void show()} disabled={busy} data-testid="identity-show">
          Show identity secret
        </Button>
      ) : (
        <div className="space-y-3">
          <div className="flex items-start gap-2">
            <code id="identity-secret" className="flex-1 break-all rounded-md bg-slate-100 p-2 text-sm" data-testid="identity-secret">
              {secret}
            </code>
            <Button onClick={() => void copy()} data-testid="identity-copy">
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button variant="danger" onClick={(e) => void rotate(e.currentTarget)} disabled={busy} data-testid="identity-rotate">
              Rotate
            </Button>
          </div>
          {rotated && <Notice kind="success">A new secret is in use. Signatures made with the old one are refused from now on.</Notice>}
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="identity-snippet">
            {BACKEND(secret)}
            {"\n\n"}
            {PAGE}
          </pre>
        </div>
      )}
      {error && (
        <div className="mt-2">
          <Notice kind="error">{error}</Notice>
        </div>
      )}
      {dialog}
    </Card>
  );
}

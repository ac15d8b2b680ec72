"use client";
// Widget setup: the one-line snippet to paste into a website (with a copy button), a static
// preview of the launcher and greeting from the current settings, and the live chat frame.
import { useState } from "react";
import { uiStrings } from "@/components/widget/i18n";
import { api } from "./api";
import { Button, Card, Notice, Options } from "./ui";

export function WidgetSetup({ origin, widgetKey, name, color, greeting, defaultLanguage, allowedOrigins }: { origin: string; widgetKey: string; name: string; color: string; greeting: Record<string, string>; defaultLanguage: string; allowedOrigins: string[] }) {
  const snippet = `<script src="${origin}/widget.js" data-tenant="${widgetKey}" async></script>`;
  const [copied, setCopied] = useState(false);
  const [live, setLive] = useState(false);
  const [lang, setLang] = useState(greeting[defaultLanguage] ? defaultLanguage : (Object.keys(greeting)[0] ?? defaultLanguage));

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
    } catch {
      // Clipboard API refused (e.g. plain http): select the text so Ctrl+C works.
      const el = document.getElementById("widget-snippet");
      if (el) window.getSelection()?.selectAllChildren(el);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
    // Ticks "Copy the widget snippet" on the overview's first-run checklist.
    void api("/api/admin/onboarding", { body: { action: "snippet_copied" } }).catch(() => undefined);
  }

  return (
    <>
      <Card title="Add the chat to your website">
        <p className="mb-2 text-sm text-slate-600">Paste this line before the closing &lt;/body&gt; tag of every page that should show the chat.</p>
        <div className="flex items-start gap-2">
          <pre id="widget-snippet" className="flex-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100" data-testid="widget-snippet">
            {snippet}
          </pre>
          <Button onClick={() => void copy()} data-testid="copy-snippet">
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        {allowedOrigins.length === 0 && (
          <div className="mt-3">
            <Notice kind="warning" testId="widget-no-origins">
              The chat will not appear on your website yet: first add your site&apos;s address (for example <code>https://www.yourshop.com</code>) under{" "}
              <a href="/admin/settings#allowed-origins" className="underline">
                Settings → Allowed origins
              </a>
              .
            </Notice>
          </div>
        )}
        <p className="mt-2 text-sm text-slate-600">
          The chat only appears on these websites:{" "}
          {allowedOrigins.length ? allowedOrigins.map((o) => <code key={o} className="mr-1 rounded bg-slate-100 px-1">{o}</code>) : <strong>none yet</strong>}.{" "}
          <a href="/admin/settings" className="text-blue-700 underline">
            Change allowed origins
          </a>
        </p>
      </Card>
      <Card title="Preview" actions={<Button onClick={() => setLive((v) => !v)} data-testid="toggle-live-preview">{live ? "Show the static preview" : "Open the live chat"}</Button>}>
        {live ? (
          <div className="space-y-2">
            <iframe
              title="Live chat preview"
              // No `parent`: the frame then runs stand-alone (no loader bridge), and the server treats a
              // chat opened on its own origin as allowed whatever the tenant's allowed origins are.
              src={`/widget/frame?key=${encodeURIComponent(widgetKey)}&preview=1&lang=${encodeURIComponent(lang)}`}
              className="h-[560px] w-full max-w-sm rounded-xl border border-slate-200 shadow-lg"
              data-testid="widget-preview-frame"
            />
            <p className="text-xs text-slate-500">This is the real chat: messages you send here reach your bot and appear in the agent console and analytics.</p>
          </div>
        ) : (
          <div className="space-y-3">
            <label className="text-sm">
              Language{" "}
              <select value={lang} onChange={(e) => setLang(e.target.value)} className="rounded border border-slate-300 px-1 py-0.5">
                <Options items={Object.keys(greeting)} />
              </select>
            </label>
            <div className="relative h-[420px] max-w-sm rounded-xl border border-dashed border-slate-300 bg-slate-100" data-testid="widget-mock">
              <div className="absolute bottom-20 right-4 w-72 overflow-hidden rounded-xl bg-white shadow-xl">
                <div className="px-4 py-3 font-medium text-white" style={{ background: color }}>
                  {name}
                </div>
                <div className="space-y-2 p-3 text-sm">
                  <div className="max-w-[85%] rounded-lg bg-slate-100 p-2">{greeting[lang] ?? "Hi! How can we help?"}</div>
                </div>
                <div className="border-t border-slate-200 p-2 text-sm text-slate-400" data-testid="widget-mock-placeholder">
                  {uiStrings(lang).placeholder}
                </div>
              </div>
              {/* The real launcher's icon (widget/loader.ts), drawn, not an emoji: no emoji font is needed. */}
              <div className="absolute bottom-4 right-4 flex h-12 w-12 items-center justify-center rounded-full text-white shadow-lg" style={{ background: color }} aria-hidden>
                <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" data-testid="widget-mock-launcher-icon">
                  <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
                </svg>
              </div>
            </div>
            <p className="text-xs text-slate-500">How the launcher and greeting look with your saved settings (colour, name, greeting per language).</p>
          </div>
        )}
      </Card>
    </>
  );
}

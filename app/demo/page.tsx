import Script from "next/script";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Demo Shop" };

// A stand-in for a tenant's own website: the widget is embedded with the one-line snippet.
export default function DemoPage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="mb-2 text-3xl font-semibold">Demo Shop</h1>
      <p className="mb-6 text-slate-600">This page plays the part of your website. The chat button in the corner is the widget, embedded with one line:</p>
      <pre className="mb-6 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100">{`<script src="/widget.js" data-tenant="${env().DEMO_TENANT_KEY}" async></script>`}</pre>
      <p className="text-slate-600">Try “How long does shipping take?”, “¿puedo devolver un producto?” or “I want to talk to a person”.</p>
      <Script src="/widget.js" data-tenant={env().DEMO_TENANT_KEY} strategy="afterInteractive" />
    </main>
  );
}

// The chat panel that the loader (public/widget.js) shows in an iframe on customers' websites,
// also opened directly for the admin's live preview. Its CSP `frame-ancestors` header (who may
// embed it) is added by proxy.ts from the tenant's allowed origins.
import type { Metadata } from "next";
import { ChatFrame } from "@/components/widget/chat-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Chat", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

/** Only a bare http(s) origin is used as postMessage target; anything else disables the bridge. */
function parseOrigin(v: string | null): string | null {
  if (!v) return null;
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === v ? u.origin : null;
  } catch {
    return null;
  }
}

export default async function WidgetFramePage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const key = one(q.key);
  if (!key) {
    return <p className="p-4 text-sm text-slate-600">This chat link is missing its widget key.</p>;
  }
  const lang = one(q.lang);
  return <ChatFrame widgetKey={key.slice(0, 100)} parentOrigin={parseOrigin(one(q.parent))} requestedLanguage={lang && /^[A-Za-z-]{2,20}$/.test(lang) ? lang : null} />;
}

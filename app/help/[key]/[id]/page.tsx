// A knowledge document's public page: where a bot answer's source link leads when the document
// has no URL of its own on the business's site.
import { notFound } from "next/navigation";
import { publicDocument } from "@/lib/knowledge/public-document";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ key: string; id: string }> }) {
  const { key, id } = await params;
  const doc = await publicDocument(key, id).catch(() => null);
  return { title: doc ? `${doc.title} · ${doc.business}` : "Document not found" };
}

export default async function HelpDocumentPage({ params }: { params: Promise<{ key: string; id: string }> }) {
  const { key, id } = await params;
  const doc = await publicDocument(key, id).catch(() => null);
  if (!doc) notFound();
  const blocks = doc.text.split(/\n{2,}/);
  return (
    <main lang={doc.language} className="mx-auto max-w-2xl px-4 py-10 text-slate-900">
      <p className="text-sm text-slate-500">{doc.business} · Help centre</p>
      <h1 className="mt-1 mb-6 text-2xl font-semibold" data-testid="document-title">{doc.title}</h1>
      <article className="space-y-4 leading-relaxed" data-testid="document-text">
        {blocks.map((b, i) => {
          const h = /^(#{1,6})\s+(.+)$/.exec(b.trim());
          if (h) return h[1].length <= 1 && h[2] === doc.title ? null : <h2 key={i} className="pt-2 text-lg font-semibold">{h[2]}</h2>;
          return <p key={i} className="whitespace-pre-line">{b}</p>;
        })}
      </article>
    </main>
  );
}

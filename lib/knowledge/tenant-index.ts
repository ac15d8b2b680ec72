// The search index of a tenant's current knowledge version, built from the stored passages when
// first needed and kept per process (on globalThis, so the server and the route bundle share it)
// until a newer version exists — every lookup checks the latest version number, so an upload on
// any instance is searchable on the next question. With an encoder, passages it has not embedded
// yet are embedded once and the vectors stored with them.
import { tenantDb } from "@/lib/tenancy/guard";
import { KnowledgeIndex, type IndexedPassage } from "./retrieve";
import { bytesToVector, passageEmbeddingText, vectorToBytes } from "./embeddings";

export interface Encoder {
  /** Names the model, so vectors from another encoder are recomputed. */
  id: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

interface Entry {
  versionId: string;
  encoderId: string | null;
  index: Promise<KnowledgeIndex>;
}

const MAX_TENANTS = 500;
const EMBED_BATCH = 32;
const g = globalThis as unknown as { __faqbotKnowledgeIndex?: Map<string, Entry> };
const cache = (g.__faqbotKnowledgeIndex ??= new Map());

/** Where customers read a whole document: its own URL, else its public page on this server. */
export function documentLink(widgetKey: string, doc: { id: string; url: string | null }): string {
  return doc.url ?? `/help/${encodeURIComponent(widgetKey)}/${doc.id}`;
}

/** The index of the tenant's current documents, or null when it has none. */
export async function knowledgeIndexFor(tenantId: string, encoder: Encoder | null = null): Promise<KnowledgeIndex | null> {
  const db = await tenantDb(tenantId);
  const version = await db.knowledgeVersion.findFirst({ orderBy: { number: "desc" }, select: { id: true, documentCount: true } });
  if (!version || version.documentCount === 0) {
    cache.delete(tenantId);
    return null;
  }
  const hit = cache.get(tenantId);
  // An index without vectors serves lexical lookups; one with vectors serves both.
  if (hit && hit.versionId === version.id && (hit.encoderId === (encoder?.id ?? null) || (!encoder && hit.encoderId))) return hit.index;
  const index = build(tenantId, version.id, encoder);
  cache.delete(tenantId);
  cache.set(tenantId, { versionId: version.id, encoderId: encoder?.id ?? null, index });
  if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value!);
  index.catch(() => {
    if (cache.get(tenantId)?.index === index) cache.delete(tenantId);
  });
  return index;
}

async function build(tenantId: string, versionId: string, encoder: Encoder | null): Promise<KnowledgeIndex> {
  const db = await tenantDb(tenantId);
  const tenant = await db.tenant.findFirstOrThrow({ select: { widgetKey: true } });
  const rows = await db.knowledgePassage.findMany({
    where: { document: { versions: { some: { versionId } } } },
    orderBy: [{ documentId: "asc" }, { position: "asc" }],
    select: { id: true, documentId: true, position: true, heading: true, text: true, embedding: true, embeddingModel: true, document: { select: { id: true, title: true, url: true, language: true } } },
  });
  const passages: IndexedPassage[] = rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    title: r.document.title,
    url: documentLink(tenant.widgetKey, r.document),
    heading: r.heading,
    text: r.text,
    language: r.document.language,
    position: r.position,
    embedding: encoder && r.embedding && r.embeddingModel === encoder.id ? bytesToVector(r.embedding) : null,
  }));
  if (encoder) {
    const missing = passages.filter((p) => !p.embedding);
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vectors = await encoder.embed(batch.map(passageEmbeddingText));
      batch.forEach((p, k) => (p.embedding = vectors[k]));
      await db.$transaction(batch.map((p, k) => db.knowledgePassage.update({ where: { id: p.id }, data: { embedding: vectorToBytes(vectors[k]), embeddingModel: encoder.id } })));
    }
  }
  return new KnowledgeIndex(passages);
}

/** Forgets every cached index (tests). */
export function clearKnowledgeIndexes(): void {
  cache.clear();
}

// Owns which FAQ version customers get answers from, as the FAQ page tells the admin: the live
// model's FAQ version (it can be older than the latest FAQ after an edit or a rollback) and the
// newest unpublished model already trained on the latest FAQ version, if any.
import "server-only";
import type { TenantDb } from "@/lib/tenancy/guard";

export interface LiveFaqStatus {
  /** The published model and the FAQ version it was trained on; null when none is published. */
  live: { model: number; faq: number } | null;
  /** The newest model trained on the latest FAQ version that is not live; null when there is none. */
  ready: { model: number; faq: number } | null;
}

export async function liveFaqStatus(db: TenantDb): Promise<LiveFaqStatus> {
  const [tenant, latest] = await Promise.all([db.tenant.findFirst({ select: { activeModelId: true } }), db.faqVersion.findFirst({ orderBy: { number: "desc" }, select: { id: true, number: true } })]);
  const activeModelId = tenant?.activeModelId ?? null;
  const [live, ready] = await Promise.all([
    activeModelId ? db.modelVersion.findFirst({ where: { id: activeModelId }, select: { number: true, faqVersion: { select: { number: true } } } }) : null,
    latest ? db.modelVersion.findFirst({ where: { faqVersionId: latest.id, ...(activeModelId ? { id: { not: activeModelId } } : {}) }, orderBy: { number: "desc" }, select: { number: true } }) : null,
  ]);
  return {
    live: live ? { model: live.number, faq: live.faqVersion.number } : null,
    ready: ready && latest ? { model: ready.number, faq: latest.number } : null,
  };
}

// Owns the admin Overview page's figures: the workspace, its FAQ, live model, latest training
// run and team size, in one read.
import "server-only";
import type { TenantDb } from "@/lib/tenancy/guard";
import { latestTrainingRun } from "@/lib/tenant-models/versions";

export async function adminOverview(db: TenantDb) {
  const [tenant, faq, users, run] = await Promise.all([
    db.tenant.findFirst({ select: { name: true, widgetKey: true, activeModelId: true } }),
    db.faqVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, entryCount: true, createdAt: true } }),
    db.user.count({ where: { active: true } }),
    latestTrainingRun(db),
  ]);
  const live = tenant?.activeModelId ? await db.modelVersion.findFirst({ where: { id: tenant.activeModelId }, select: { number: true, publishedAt: true, faqVersion: { select: { number: true } } } }) : null;
  return { tenant, faq, users, run, live };
}

// Reading the FAQ's history, for the admin console and the public API alike: the list of
// versions, one version's entries, and the diff between two versions. All through the tenant
// guard; another tenant's version is "not found". Writes: lib/faq/versions.ts and edit.ts.
import { AppError } from "@/lib/errors/app-error";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { faqEntries } from "@/lib/faq/versions";
import { diffFaqEntries } from "@/lib/faq/diff";

export interface FaqVersionView {
  id: string;
  number: number;
  source: string;
  fileName: string | null;
  entryCount: number;
  createdAt: string;
  createdBy: string | null;
}

/** The newest versions first (the console shows 200, the API up to 500). */
export async function listFaqVersions(db: TenantDb, limit = 200): Promise<FaqVersionView[]> {
  const rows = await db.faqVersion.findMany({ orderBy: { number: "desc" }, take: limit });
  const authorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const authors = authorIds.length ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    source: r.source,
    fileName: r.fileName,
    entryCount: r.entryCount,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
  }));
}

/** One version's entries (the latest when no id is given); not_found for another tenant's id. */
export async function readFaqVersion(tenantId: string, versionId?: string) {
  const { version, entries } = await faqEntries(await tenantDb(tenantId), versionId);
  if (versionId && !version) throw new AppError("not_found", "FAQ version not found.");
  return { version: version ? { id: version.id, number: version.number, source: version.source, createdAt: version.createdAt.toISOString() } : null, entries };
}

/** The entries of version `number` (the latest when omitted), as the public API shows them. */
export async function readFaqVersionByNumber(db: TenantDb, number?: number) {
  const version = await db.faqVersion.findFirst({ where: number ? { number } : {}, orderBy: { number: "desc" } });
  if (!version) throw new AppError("not_found", number ? `FAQ version ${number} does not exist.` : "This workspace has no FAQ yet. Upload one with POST /api/v1/faq.");
  const { entries } = await faqEntries(db, version.id);
  return { version: { id: version.id, number: version.number, source: version.source, entryCount: version.entryCount, createdAt: version.createdAt.toISOString() }, entries };
}

export async function diffFaqVersions(tenantId: string, fromId: string, toId: string) {
  const [from, to] = await Promise.all([readFaqVersion(tenantId, fromId), readFaqVersion(tenantId, toId)]);
  return { from: from.version, to: to.version, diff: diffFaqEntries(from.entries, to.entries) };
}

import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listAuditLog, ZAuditQuery } from "@/lib/audit/list";
import { AuditTable } from "@/components/audit/audit-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log · Admin console" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("admin", "/admin/audit");
  const parsed = ZAuditQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const result = await listAuditLog(await tenantDb(user.tenantId), query);
  return (
    <>
      <h1 className="text-xl font-semibold">Audit log</h1>
      {!parsed.success && <p className="text-sm text-amber-800">Some filters were not valid and were ignored.</p>}
      <AuditTable entries={result.entries} total={result.total} query={query} actions={result.actions} />
    </>
  );
}

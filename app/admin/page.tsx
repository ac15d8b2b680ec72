import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppHeader } from "@/components/ui/app-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin console · FAQ Bot" };

export default async function AdminPage() {
  const user = await requirePageUser("admin", "/admin");
  const db = await tenantDb(user.tenantId);
  const tenant = await db.tenant.findFirst({});
  const [entries, users] = await Promise.all([
    db.faqVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, entryCount: true } }),
    db.user.count(),
  ]);
  return (
    <div>
      <AppHeader title="Admin console" user={user} links={[{ href: "/admin", label: "Overview" }, { href: "/agent", label: "Agent console" }]} />
      <main className="space-y-4 p-6">
        <h1 className="text-lg font-semibold" data-testid="tenant-name">
          {tenant?.name}
        </h1>
        <dl className="grid max-w-xl grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dt className="text-slate-500">Widget key</dt>
          <dd className="font-mono">{tenant?.widgetKey}</dd>
          <dt className="text-slate-500">FAQ version</dt>
          <dd>{entries ? `v${entries.number} · ${entries.entryCount} entries` : "none yet"}</dd>
          <dt className="text-slate-500">Team members</dt>
          <dd>{users}</dd>
        </dl>
      </main>
    </div>
  );
}

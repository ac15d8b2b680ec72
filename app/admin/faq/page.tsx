import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listFaqVersions, readFaqVersion } from "@/lib/faq/history";
import { readAdminSettings } from "@/lib/admin/settings";
import { liveFaqStatus } from "@/lib/admin/live-faq";
import { FaqManager } from "@/components/admin/faq/faq-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "FAQ · Admin console" };

export default async function AdminFaqPage() {
  const user = await requirePageUser("admin", "/admin/faq");
  const db = await tenantDb(user.tenantId);
  const [current, versions, settings, live] = await Promise.all([readFaqVersion(user.tenantId), listFaqVersions(db), readAdminSettings(db), liveFaqStatus(db)]);
  return (
    <>
      <h1 className="text-xl font-semibold">FAQ</h1>
      <FaqManager initial={{ version: current.version, entries: current.entries, versions }} languages={settings.languages} live={live} />
    </>
  );
}

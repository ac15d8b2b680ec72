import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listCanned } from "@/lib/canned/canned-responses";
import { readAdminSettings } from "@/lib/admin/settings";
import { CannedManager } from "@/components/admin/canned-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "Canned responses · Admin console" };

export default async function AdminCannedPage() {
  const user = await requirePageUser("admin", "/admin/canned");
  const db = await tenantDb(user.tenantId);
  const [items, settings] = await Promise.all([listCanned(db), readAdminSettings(db)]);
  return (
    <>
      <h1 className="text-xl font-semibold">Canned responses</h1>
      <CannedManager initial={items.map(({ id, shortcut, text, language }) => ({ id, shortcut, text, language }))} languages={settings.languages} />
    </>
  );
}

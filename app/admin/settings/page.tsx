import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { readAdminSettings } from "@/lib/admin/settings";
import { SettingsForm } from "@/components/admin/settings-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · Admin console" };

export default async function AdminSettingsPage() {
  const user = await requirePageUser("admin", "/admin/settings");
  const settings = await readAdminSettings(await tenantDb(user.tenantId));
  return (
    <>
      <h1 className="text-xl font-semibold">Settings</h1>
      <SettingsForm initial={settings} />
    </>
  );
}

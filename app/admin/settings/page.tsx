import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { readAdminSettings } from "@/lib/admin/settings";
import { currentLogoUrl } from "@/lib/admin/logo";
import { SettingsForm } from "@/components/admin/settings-form";
import { IdentitySecretCard } from "@/components/admin/identity-secret-card";
import { mailEnabled } from "@/lib/mail/config";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · Admin console" };

export default async function AdminSettingsPage() {
  const user = await requirePageUser("admin", "/admin/settings");
  const db = await tenantDb(user.tenantId);
  const [settings, logoUrl] = await Promise.all([readAdminSettings(db), currentLogoUrl(db)]);
  return (
    <>
      <h1 className="text-xl font-semibold">Settings</h1>
      <SettingsForm initial={settings} logoUrl={logoUrl} mailEnabled={mailEnabled()} />
      <div className="mt-6">
        <IdentitySecretCard />
      </div>
    </>
  );
}

import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { EXPORT_NOTE } from "@/lib/privacy/export-visitor";
import { PrivacyConsole } from "@/components/privacy/privacy-console";

export const dynamic = "force-dynamic";
export const metadata = { title: "Privacy · Admin console" };

export default async function PrivacyPage() {
  const user = await requirePageUser("admin", "/admin/privacy");
  const tenant = await (await tenantDb(user.tenantId)).tenant.findFirst({ select: { settings: true } });
  const { retentionDays } = readTenantSettings(tenant?.settings);
  return (
    <>
      <h1 className="text-xl font-semibold">Privacy and data rights</h1>
      <p className="text-sm text-slate-600" data-testid="retention">
        Conversations with no activity for {retentionDays} days are deleted automatically (checked every hour), with visitors who have nothing left. Change the period in Settings.
      </p>
      <PrivacyConsole exportNote={EXPORT_NOTE} />
    </>
  );
}

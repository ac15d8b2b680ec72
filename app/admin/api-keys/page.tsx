import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listApiKeys } from "@/lib/api-keys/manage";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "API keys · Admin console" };

export default async function ApiKeysPage() {
  const user = await requirePageUser("admin", "/admin/api-keys");
  const keys = await listApiKeys(await tenantDb(user.tenantId));
  return (
    <>
      <h1 className="text-xl font-semibold">API keys</h1>
      <p className="text-sm text-slate-600">Keys let your own programs manage the FAQ, train and publish models, export conversations and read analytics through the REST API.</p>
      <ApiKeysManager initial={keys} scopes={{ ...API_SCOPES }} />
    </>
  );
}

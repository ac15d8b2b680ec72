import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listDocuments, listKnowledgeVersions } from "@/lib/knowledge/documents";
import { KnowledgeManager } from "@/components/admin/knowledge/knowledge-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "Knowledge · Admin console" };

export default async function AdminKnowledgePage() {
  const user = await requirePageUser("admin", "/admin/knowledge");
  const db = await tenantDb(user.tenantId);
  const [current, versions, tenant] = await Promise.all([listDocuments(db), listKnowledgeVersions(db), db.tenant.findFirstOrThrow({ select: { widgetKey: true } })]);
  return (
    <>
      <h1 className="text-xl font-semibold">Knowledge</h1>
      <KnowledgeManager initial={{ documents: current.documents, versions }} widgetKey={tenant.widgetKey} />
    </>
  );
}

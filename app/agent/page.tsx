import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listConversations } from "@/lib/conversations/queries";
import { AppHeader } from "@/components/ui/app-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Agent console · FAQ Bot" };

export default async function AgentPage() {
  const user = await requirePageUser("agent", "/agent");
  const db = await tenantDb(user.tenantId);
  const conversations = await listConversations(db, { limit: 50 });
  return (
    <div>
      <AppHeader title="Agent console" user={user} links={[{ href: "/agent", label: "Queue" }, { href: "/admin", label: "Admin" }]} />
      <main className="p-6">
        <h1 className="mb-4 text-lg font-semibold">Conversations</h1>
        {conversations.length === 0 ? (
          <p className="text-slate-500">No conversations yet. They appear here as customers write in the widget.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {conversations.map((c) => (
              <li key={c.id} className="flex justify-between p-3 text-sm">
                <span>{c.id}</span>
                <span className="text-slate-500">{c.status}</span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

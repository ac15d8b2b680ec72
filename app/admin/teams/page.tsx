import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listTeams } from "@/lib/handoff/teams";
import { TeamsManager } from "@/components/admin/teams-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teams & routing · Admin console" };

export default async function TeamsPage() {
  const user = await requirePageUser("admin", "/admin/teams");
  const db = await tenantDb(user.tenantId);
  const [teams, people, tenant, categories] = await Promise.all([
    listTeams(db),
    db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true, role: true } }),
    db.tenant.findFirst({ select: { languages: true } }),
    db.faqEntry.findMany({ where: { category: { not: null } }, distinct: ["category"], select: { category: true }, take: 200 }),
  ]);
  const languages = Array.isArray(tenant?.languages) ? (tenant.languages as string[]) : ["en"];
  return (
    <>
      <h1 className="text-xl font-semibold">Teams &amp; routing</h1>
      <p className="text-sm text-slate-600">
        Each team has its own queue in the agent console. A customer handed to a person goes to the first team whose rules all match — the conversation&apos;s language, the FAQ category the bot last
        matched — and otherwise to the default team. Agents see their teams&apos; queues; admins see them all.
      </p>
      <TeamsManager initial={teams} people={people} languages={languages} categories={categories.map((c) => c.category!).sort()} />
    </>
  );
}

import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { analyticsSummary } from "@/lib/analytics/summary";
import { lastDays, RANGE_PRESETS } from "@/lib/analytics/range";
import { AnalyticsDashboard } from "@/components/analytics/analytics-dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Analytics · Admin console" };

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("admin", "/admin/analytics");
  const requested = (await searchParams).days;
  const days = RANGE_PRESETS.find((d) => String(d) === requested) ?? 30;
  const db = await tenantDb(user.tenantId);
  const [summary, tenant] = await Promise.all([analyticsSummary(db, lastDays(days)), db.tenant.findFirst({ select: { languages: true, defaultLanguage: true } })]);
  const languages = Array.isArray(tenant?.languages) ? (tenant.languages as string[]) : ["en"];
  return (
    <>
      <h1 className="text-xl font-semibold">Analytics</h1>
      <p className="text-sm text-slate-500">
        {summary.range.from.slice(0, 10)} to {new Date(new Date(summary.range.to).getTime() - 1).toISOString().slice(0, 10)} (UTC days)
      </p>
      <AnalyticsDashboard summary={summary} days={days} presets={RANGE_PRESETS} languages={languages} defaultLanguage={tenant?.defaultLanguage ?? "en"} />
    </>
  );
}

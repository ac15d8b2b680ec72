import Link from "next/link";
import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { adminOverview } from "@/lib/admin/overview";
import { readOnboarding } from "@/lib/admin/onboarding";
import { services } from "@/lib/app/services";
import { Card } from "@/components/admin/ui";
import { ModelHealthCard } from "@/components/admin/model-health";
import { OnboardingChecklist } from "@/components/admin/onboarding-checklist";

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin console · FAQ Bot" };

async function health() {
  try {
    return await services().modelHealth();
  } catch {
    return null;
  }
}

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("admin", "/admin");
  const db = await tenantDb(user.tenantId);
  const [{ tenant, faq, users, run, live }, onboarding, modelHealth, sp] = await Promise.all([adminOverview(db), readOnboarding(db), health(), searchParams]);
  const showChecklist = !onboarding.complete && !onboarding.dismissed;
  const next = !faq
    ? { href: "/admin/faq", text: "Upload your FAQ to get started." }
    : !live
      ? { href: "/admin/training", text: "Train a model on your FAQ and publish it so the bot can answer." }
      : live.faqVersion.number < faq.number
        ? { href: "/admin/training", text: `The live model was trained on FAQ v${live.faqVersion.number}; train on v${faq.number} and publish to use your latest changes.` }
        : { href: "/admin/widget", text: "Your bot is live. Add the widget to your website." };
  return (
    <>
      <h1 className="text-xl font-semibold" data-testid="tenant-name">
        {tenant?.name}
      </h1>
      {showChecklist ? (
        <OnboardingChecklist steps={onboarding.steps} welcome={sp.welcome === "1"} />
      ) : (
        <Card title="Next step">
          <Link href={next.href} className="text-blue-700 underline">
            {next.text}
          </Link>
        </Card>
      )}
      <Card>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-500">Widget key</dt>
          <dd className="font-mono">{tenant?.widgetKey}</dd>
          <dt className="text-slate-500">FAQ</dt>
          <dd>{faq ? `v${faq.number} · ${faq.entryCount} entries` : "none yet"}</dd>
          <dt className="text-slate-500">Live model</dt>
          <dd>{live ? `model v${live.number} (FAQ v${live.faqVersion.number})` : "none published"}</dd>
          <dt className="text-slate-500">Latest training</dt>
          <dd>{run ? `${run.status}${run.error ? ` — ${run.error}` : ""}` : "never trained"}</dd>
          <dt className="text-slate-500">Active team members</dt>
          <dd>{users}</dd>
        </dl>
      </Card>
      <ModelHealthCard health={modelHealth} />
    </>
  );
}

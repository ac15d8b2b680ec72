import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { latestTrainingRun, listModelVersions } from "@/lib/tenant-models/versions";
import { readFaqVersion } from "@/lib/faq/history";
import { services } from "@/lib/app/services";
import { ModelsConsole } from "@/components/admin/training/models-console";
import { ModelHealthCard } from "@/components/admin/model-health";

export const dynamic = "force-dynamic";
export const metadata = { title: "Training & models · Admin console" };

export default async function AdminTrainingPage() {
  const user = await requirePageUser("admin", "/admin/training");
  const db = await tenantDb(user.tenantId);
  const [models, run, faq, health] = await Promise.all([listModelVersions(db), latestTrainingRun(db), readFaqVersion(user.tenantId), Promise.resolve().then(() => services().modelHealth()).catch(() => null)]);
  const questions = Object.fromEntries(faq.entries.map((e) => [e.key, e.question]));
  const languages = Object.fromEntries(faq.entries.map((e) => [e.key, e.language]));
  return (
    <>
      <h1 className="text-xl font-semibold">Training & models</h1>
      <ModelsConsole initial={{ ...models, run }} latestFaq={faq.version ? { id: faq.version.id, number: faq.version.number } : null} questions={questions} languages={languages} />
      <ModelHealthCard health={health} />
    </>
  );
}

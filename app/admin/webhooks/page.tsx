import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { listWebhooks } from "@/lib/webhooks/manage";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { WebhooksManager } from "@/components/admin/webhooks/webhooks-manager";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhooks · Admin console" };

export default async function WebhooksPage() {
  const user = await requirePageUser("admin", "/admin/webhooks");
  const webhooks = await listWebhooks(await tenantDb(user.tenantId));
  return (
    <>
      <h1 className="text-xl font-semibold">Webhooks</h1>
      <p className="text-sm text-slate-600">
        Webhooks send your own systems (Slack, a CRM, automations) a signed HTTPS POST as things happen: a customer asks for a person, a ticket is left, a conversation is resolved.
      </p>
      <WebhooksManager initial={webhooks} events={{ ...WEBHOOK_EVENTS }} />
    </>
  );
}

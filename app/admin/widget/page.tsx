import { headers } from "next/headers";
import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { readAdminSettings } from "@/lib/admin/settings";
import { env } from "@/lib/env";
import { WidgetSetup } from "@/components/admin/widget-setup";

export const dynamic = "force-dynamic";
export const metadata = { title: "Widget · Admin console" };

/** The origin customers' browsers load the widget from: PUBLIC_URL, else the one this page was opened on. */
async function appOrigin(): Promise<string> {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const proto = env().TRUST_PROXY ? (h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http") : "http";
  return `${proto}://${h.get("host") ?? `localhost:${env().PORT}`}`;
}

export default async function AdminWidgetPage() {
  const user = await requirePageUser("admin", "/admin/widget");
  const db = await tenantDb(user.tenantId);
  const [tenant, settings, origin] = await Promise.all([db.tenant.findFirst({ select: { widgetKey: true } }), readAdminSettings(db), appOrigin()]);
  return (
    <>
      <h1 className="text-xl font-semibold">Widget</h1>
      <WidgetSetup
        origin={origin}
        widgetKey={tenant!.widgetKey}
        name={settings.name}
        color={settings.color}
        greeting={settings.greeting}
        defaultLanguage={settings.defaultLanguage}
        allowedOrigins={settings.allowedOrigins}
      />
    </>
  );
}

import { headers } from "next/headers";
import { requirePageUser } from "@/lib/auth/current-user";
import { tenantDb } from "@/lib/tenancy/guard";
import { readAdminSettings } from "@/lib/admin/settings";
import { appOrigin } from "@/lib/http/app-origin";
import { WidgetSetup } from "@/components/admin/widget-setup";

export const dynamic = "force-dynamic";
export const metadata = { title: "Widget · Admin console" };

export default async function AdminWidgetPage() {
  const user = await requirePageUser("admin", "/admin/widget");
  const db = await tenantDb(user.tenantId);
  const [tenant, settings, origin] = await Promise.all([db.tenant.findFirst({ select: { widgetKey: true } }), readAdminSettings(db), headers().then(appOrigin)]);
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

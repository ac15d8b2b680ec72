// A knowledge document as customers read it from a bot answer's source link: public like the
// widget, by the workspace's widget key; only documents of the current version are shown.
import { AppError } from "@/lib/errors/app-error";
import { tenantDb } from "@/lib/tenancy/guard";
import { activeTenantByWidgetKey } from "@/lib/tenancy/widget-key";
import { readDocument } from "./documents";

export async function publicDocument(widgetKey: string, id: string) {
  const tenant = await activeTenantByWidgetKey(widgetKey);
  if (!tenant) throw new AppError("not_found", "Document not found.");
  const doc = await readDocument(await tenantDb(tenant.id), id);
  return { business: tenant.name, title: doc.title, language: doc.language, url: doc.url, text: doc.text };
}

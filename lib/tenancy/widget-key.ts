// A workspace by its public widget key, for public pages that name it in their address (a
// knowledge document's page). Disabled workspaces are not found.
import { getDb } from "@/lib/db";

export async function activeTenantByWidgetKey(widgetKey: string): Promise<{ id: string; name: string } | null> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { widgetKey }, select: { id: true, name: true, disabledAt: true } });
  return tenant && !tenant.disabledAt ? { id: tenant.id, name: tenant.name } : null;
}

/** The active workspace of a widget key with its settings (the widget's file uploads). */
export async function tenantForWidget(widgetKey: string): Promise<{ id: string; settings: unknown } | null> {
  if (!widgetKey || widgetKey.length > 100) return null;
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { widgetKey }, select: { id: true, settings: true, disabledAt: true } });
  return tenant && !tenant.disabledAt ? { id: tenant.id, settings: tenant.settings } : null;
}

// What the widget shows before anyone types: the tenant's name, colour, greeting and languages.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { readTenantSettings } from "@/lib/tenancy/settings";
import type { WidgetConfig } from "@/lib/chat/protocol";

export async function widgetConfig(db: Db, tenantId: string): Promise<WidgetConfig> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const settings = readTenantSettings(tenant.settings);
  return {
    tenantName: tenant.name,
    color: settings.color,
    greeting: settings.greeting,
    languages: Array.isArray(tenant.languages) ? (tenant.languages as string[]) : ["en"],
    defaultLanguage: tenant.defaultLanguage,
    maxMessageChars: env().MAX_MESSAGE_CHARS,
  };
}

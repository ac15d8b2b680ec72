// What the widget shows before anyone types: the tenant's name, logo, colour, greeting, languages
// and the pre-chat form's fields, and whether the team is there (the header says so).
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { logoUrl } from "@/lib/tenancy/logo";
import type { WidgetConfig } from "@/lib/chat/protocol";
import { availability } from "@/lib/handoff/queue";

export async function widgetConfig(db: Db, tenantId: string): Promise<WidgetConfig> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { logo: { select: { updatedAt: true } } } });
  const settings = readTenantSettings(tenant.settings);
  const team = await availability(db, tenantId);
  return {
    tenantName: tenant.name,
    logoUrl: tenant.logo ? logoUrl(tenant.widgetKey, tenant.logo.updatedAt) : null,
    color: settings.color,
    greeting: settings.greeting,
    languages: Array.isArray(tenant.languages) ? (tenant.languages as string[]) : ["en"],
    defaultLanguage: tenant.defaultLanguage,
    maxMessageChars: env().MAX_MESSAGE_CHARS,
    attachmentMaxBytes: settings.attachmentMaxBytes,
    prechat: settings.prechat.enabled ? { name: settings.prechat.name, email: settings.prechat.email, topic: settings.prechat.topic } : null,
    teamAvailable: team.open,
  };
}

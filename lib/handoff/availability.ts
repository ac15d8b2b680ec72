// Whether a person can take a conversation now: the tenant's business hours and agents online.
import type { Db } from "@/lib/db";
import type { TenantSettings } from "@/lib/tenancy/settings";

/** True when `now` falls in the tenant's business hours (no hours configured = always open). */
export function withinBusinessHours(settings: TenantSettings, now = new Date()): boolean {
  const bh = settings.businessHours;
  if (!bh) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone: bh.timezone, weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(now);
  } catch {
    return true; // unknown timezone: do not lock customers out
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  const hours = bh.days[day];
  if (!hours) return false;
  const hhmm = `${get("hour").replace("24", "00")}:${get("minute")}`;
  return hhmm >= hours.open && hhmm < hours.close;
}

/**
 * Active people (any role) whose presence is "online" — for a team's queue, its members and the
 * admins and owners (who see every queue).
 */
export function onlineAgents(db: Db, tenantId: string, teamId: string | null = null) {
  const team = teamId ? { OR: [{ role: { in: ["admin", "owner"] } }, { teamMemberships: { some: { teamId, tenantId } } }] } : {};
  return db.user.findMany({ where: { tenantId, active: true, presence: "online", ...team }, select: { id: true, name: true, maxChats: true } });
}

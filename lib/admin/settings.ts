// Owns the admin's "Settings" page: the workspace's name, time zone, languages, allowed origins
// and behaviour settings (lib/tenancy/settings.ts; the logo is lib/admin/logo.ts) read as one flat form and saved with stricter checks than the
// storage schema (times that exist, open before close, a real timezone, greetings only for
// enabled languages). A save merges the changed fields over the stored ones, then validates the
// whole; every error names its field.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { ZOriginPattern } from "@/lib/tenancy/origins";
import { OVERRIDABLE_BOT_TEXTS, readTenantSettings, type TenantSettings } from "@/lib/tenancy/settings";
import { resolveLanguageCode } from "@/lib/faq/language";
import type { TenantDb } from "@/lib/tenancy/guard";
import { SMALLTALK_INTENTS } from "@/lib/dialogue/smalltalk-replies";

const ZPrechatMode = z.enum(["off", "optional", "required"], { message: "Each pre-chat field is off, optional or required." });
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 09:00 or 18:30.");
const ZLanguage = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const code = resolveLanguageCode(v);
    if (!code) ctx.addIssue({ code: "custom", message: `"${v}" is not a language code. Use two letters such as en or es.` });
    return code ?? v;
  });

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ZTimezone = z.string().trim().min(1).max(100).refine(validTimezone, "Unknown timezone. Use a name like Europe/Madrid or America/New_York.");

export const ZBusinessHours = z
  .object({
    timezone: ZTimezone,
    days: z
      .array(
        z
          .object({ open: ZTime, close: ZTime })
          .refine((d) => d.open < d.close, { message: "Opening time must be before closing time.", path: ["close"] })
          .nullable(),
      )
      .length(7),
  })
  .nullable();

/** Everything the settings page edits, flat. Every field optional: a save sends what changed. */
export const ZSettingsUpdate = z
  .object({
    name: z.string().trim().min(1, "Enter the workspace name.").max(100),
    timezone: ZTimezone,
    languages: z.array(ZLanguage).min(1, "Enable at least one language.").max(20),
    defaultLanguage: ZLanguage,
    allowedOrigins: z.array(ZOriginPattern).max(50, "At most 50 allowed origins."),
    color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb."),
    greeting: z.record(z.string(), z.string().trim().max(500, "Keep the greeting under 500 characters.")),
    businessHours: ZBusinessHours,
    handoffMode: z.enum(["manual", "round_robin"]),
    targetWrongRate: z.number().min(0.005, "The target must be at least 0.5%.").max(0.5, "The target must be at most 50%."),
    retentionDays: z.number().int().min(1, "Keep conversations at least 1 day.").max(3650, "At most 3650 days (10 years)."),
    agentGraceSeconds: z.number().int().min(5, "At least 5 seconds.").max(3600, "At most 3600 seconds (1 hour)."),
    smalltalkReplies: z.partialRecord(
      z.enum(SMALLTALK_INTENTS),
      z.record(z.string().max(10), z.string().trim().max(500, "Keep each reply under 500 characters.")),
    ),
    unknownToQueue: z.boolean(),
    offTopicToQueue: z.boolean(),
    emailTranscripts: z.boolean(),
    emailTicketAlerts: z.boolean(),
    position: z.enum(["right", "left"], { message: "The launcher goes on the right or the left." }),
    launcherLabel: z.record(z.string().max(10), z.string().trim().max(60, "Keep the launcher label under 60 characters.")),
    proactive: z
      .object({
        enabled: z.boolean(),
        delaySeconds: z.number().int("Use whole seconds.").min(1, "Show it after at least 1 second.").max(600, "At most 600 seconds (10 minutes)."),
        pages: z
          .string()
          .max(2000, "Keep the page patterns under 2000 characters.")
          .refine((v) => v.split("\n").every((l) => l.trim() === "" || /^\/[^\s]*$/.test(l.trim())), "Each page pattern is a path starting with / (use * for any characters), one per line."),
        message: z.record(z.string().max(10), z.string().trim().max(200, "Keep the greeting bubble under 200 characters.")),
      })
      .strict(),
    botTexts: z.partialRecord(z.enum(OVERRIDABLE_BOT_TEXTS), z.record(z.string().max(10), z.string().trim().max(500, "Keep each text under 500 characters."))),
    attachmentMaxMb: z.number({ message: "Enter the largest file size in MB." }).min(0.1, "Allow files of at least 0.1 MB.").max(25, "At most 25 MB."),
    prechat: z
      .object({
        enabled: z.boolean(),
        name: ZPrechatMode,
        email: ZPrechatMode,
        topic: ZPrechatMode,
      })
      .strict()
      .refine((p) => !p.enabled || p.name !== "off" || p.email !== "off" || p.topic !== "off", { message: "Show at least one field in the pre-chat form, or turn the form off.", path: ["enabled"] }),
  })
  .partial()
  .strict();
export type TSettingsUpdate = z.infer<typeof ZSettingsUpdate>;

export interface AdminSettings {
  name: string;
  /** Business hours are read in it. */
  timezone: string;
  languages: string[];
  defaultLanguage: string;
  allowedOrigins: string[];
  color: string;
  greeting: Record<string, string>;
  businessHours: TenantSettings["businessHours"];
  handoffMode: TenantSettings["handoffMode"];
  targetWrongRate: number;
  retentionDays: number;
  agentGraceSeconds: number;
  /** Replies replacing the built-in small-talk ones, per intent and language (empty = built-in). */
  smalltalkReplies: TenantSettings["smalltalkReplies"];
  unknownToQueue: boolean;
  offTopicToQueue: boolean;
  /** E-mail the transcript to the customer on resolve (when they left an address). */
  emailTranscripts: boolean;
  /** E-mail agents about new offline tickets. */
  emailTicketAlerts: boolean;
  position: TenantSettings["position"];
  launcherLabel: Record<string, string>;
  proactive: TenantSettings["proactive"];
  botTexts: TenantSettings["botTexts"];
  prechat: TenantSettings["prechat"];
  /** Largest attachment (images, PDFs), in MB. */
  attachmentMaxMb: number;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function toAdminSettings(tenant: { name: string; languages: unknown; defaultLanguage: string; allowedOrigins: unknown; settings: unknown }): AdminSettings {
  const s = readTenantSettings(tenant.settings);
  return {
    name: tenant.name,
    timezone: s.timezone,
    languages: strings(tenant.languages),
    defaultLanguage: tenant.defaultLanguage,
    allowedOrigins: strings(tenant.allowedOrigins),
    color: s.color,
    greeting: s.greeting,
    businessHours: s.businessHours,
    handoffMode: s.handoffMode,
    targetWrongRate: s.targetWrongRate,
    retentionDays: s.retentionDays,
    agentGraceSeconds: s.agentGraceSeconds,
    smalltalkReplies: s.smalltalkReplies,
    unknownToQueue: s.unknownToQueue,
    offTopicToQueue: s.offTopicToQueue,
    emailTranscripts: s.emailTranscripts,
    emailTicketAlerts: s.emailTicketAlerts,
    position: s.position,
    launcherLabel: s.launcherLabel,
    proactive: s.proactive,
    botTexts: s.botTexts,
    prechat: s.prechat,
    attachmentMaxMb: Math.round((s.attachmentMaxBytes / 1024 / 1024) * 10) / 10,
  };
}

export async function readAdminSettings(db: TenantDb): Promise<AdminSettings> {
  const tenant = await db.tenant.findFirst({});
  if (!tenant) throw new AppError("not_found", "Workspace not found.");
  return toAdminSettings(tenant);
}

/** Merges an update over the current settings and checks the rules that span fields. Pure. */
export function mergeSettings(current: AdminSettings, update: TSettingsUpdate): AdminSettings {
  const next: AdminSettings = { ...current, ...update } as AdminSettings;
  // One time zone for the workspace: the business hours follow it (an API client that sends only
  // the hours' own time zone changes the workspace's).
  if (update.timezone === undefined && update.businessHours?.timezone) next.timezone = update.businessHours.timezone;
  if (next.businessHours) next.businessHours = { ...next.businessHours, timezone: next.timezone };
  next.languages = [...new Set(next.languages)];
  next.allowedOrigins = [...new Set(next.allowedOrigins.map((o) => o.replace(/\/$/, "")))];
  const problems: { path: string; message: string }[] = [];
  if (!next.languages.includes(next.defaultLanguage)) {
    problems.push({ path: "defaultLanguage", message: `The default language (${next.defaultLanguage}) must be one of the enabled languages (${next.languages.join(", ")}).` });
  }
  // Greetings of languages no longer offered are dropped rather than refused: unticking a language keeps the form saveable.
  next.greeting = Object.fromEntries(Object.entries(next.greeting).filter(([lang, text]) => next.languages.includes(lang) && text.trim() !== ""));
  // An emptied reply goes back to the built-in one.
  next.smalltalkReplies = Object.fromEntries(
    Object.entries(next.smalltalkReplies ?? {})
      .map(([intent, byLang]) => [intent, Object.fromEntries(Object.entries(byLang).filter(([, text]) => text.trim() !== ""))] as const)
      .filter(([, byLang]) => Object.keys(byLang).length > 0),
  );
  // Emptied texts go back to the built-in ones.
  const nonEmpty = (byLang: Record<string, string>) => Object.fromEntries(Object.entries(byLang ?? {}).filter(([, text]) => text.trim() !== ""));
  next.launcherLabel = nonEmpty(next.launcherLabel);
  next.proactive = { ...next.proactive, message: nonEmpty(next.proactive.message) };
  next.botTexts = Object.fromEntries(
    Object.entries(next.botTexts ?? {})
      .map(([key, byLang]) => [key, nonEmpty(byLang)] as const)
      .filter(([, byLang]) => Object.keys(byLang).length > 0),
  );
  if (problems.length > 0) {
    throw new AppError("validation_failed", problems.map((p) => p.message).join(" "), { details: problems });
  }
  return next;
}

/** Which top-level fields differ, for the audit log. */
function changedFields(a: AdminSettings, b: AdminSettings): string[] {
  return (Object.keys(b) as (keyof AdminSettings)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export async function updateAdminSettings(db: TenantDb, update: TSettingsUpdate, actor: { id: string }): Promise<AdminSettings> {
  const tenant = await db.tenant.findFirst({});
  if (!tenant) throw new AppError("not_found", "Workspace not found.");
  const current = toAdminSettings(tenant);
  const next = mergeSettings(current, update);
  const changed = changedFields(current, next);
  if (changed.length === 0) return current;
  const stored = readTenantSettings(tenant.settings);
  const settings: TenantSettings = {
    ...stored,
    timezone: next.timezone,
    color: next.color,
    greeting: next.greeting,
    businessHours: next.businessHours,
    handoffMode: next.handoffMode,
    targetWrongRate: next.targetWrongRate,
    retentionDays: next.retentionDays,
    agentGraceSeconds: next.agentGraceSeconds,
    smalltalkReplies: next.smalltalkReplies,
    unknownToQueue: next.unknownToQueue,
    offTopicToQueue: next.offTopicToQueue,
    emailTranscripts: next.emailTranscripts,
    emailTicketAlerts: next.emailTicketAlerts,
    position: next.position,
    launcherLabel: next.launcherLabel,
    proactive: next.proactive,
    botTexts: next.botTexts,
    prechat: next.prechat,
    attachmentMaxBytes: Math.round(next.attachmentMaxMb * 1024 * 1024),
  };
  await db.tenant.update({
    where: { id: db.tenantId },
    data: { name: next.name, languages: next.languages, defaultLanguage: next.defaultLanguage, allowedOrigins: next.allowedOrigins, settings: { ...(tenant.settings as object), ...settings } as object },
  });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "settings.update", target: db.tenantId, details: { fields: changed } });
  return next;
}

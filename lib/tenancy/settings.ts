// A tenant's display and behaviour settings (the `settings` JSON column), validated with zod so
// every reader gets complete, typed values with defaults.
import { z } from "zod";
import { ZPrechatForm } from "@/lib/chat/prechat-form";

const ZDayHours = z.object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) }).nullable();

export const ZOnboarding = z.object({
  /** When an admin copied the widget snippet (the first-run checklist's step). */
  snippetCopiedAt: z.string().nullable().default(null),
  /** The admin hid the checklist before finishing it. */
  dismissed: z.boolean().default(false),
});

/** Texts the bot says that a tenant may replace, per language (see lib/chat/strings.ts). */
export const OVERRIDABLE_BOT_TEXTS = ["dontKnowOffer", "offTopic", "offlineNoAgents", "offlineClosed"] as const;
export type OverridableBotText = (typeof OVERRIDABLE_BOT_TEXTS)[number];

const ZByLanguage = z.record(z.string().max(10), z.string().trim().min(1).max(500));

export const ZProactiveGreeting = z.object({
  enabled: z.boolean().default(false),
  /** Seconds on the page before the bubble shows. */
  delaySeconds: z.number().int().min(1).max(600).default(15),
  /** Page paths it shows on: one pattern per line, `*` any characters ("/pricing*", "/help/*"); empty = every page. */
  pages: z.string().max(2000).default(""),
  /** The bubble's text per language (the built-in greeting when missing). */
  message: ZByLanguage.default({}),
});

export const ZTenantSettings = z.object({
  /** The workspace's time zone (IANA name); business hours are read in it. */
  timezone: z.string().default("UTC"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb").default("#2563eb"),
  greeting: z.record(z.string(), z.string().max(500)).default({ en: "Hi! How can we help?", es: "¡Hola! ¿En qué podemos ayudarte?" }),
  /** Business hours per weekday (0 = Sunday) in `timezone`; null = closed. Empty = always open. */
  businessHours: z
    .object({ timezone: z.string().default("UTC"), days: z.array(ZDayHours).length(7) })
    .nullable()
    .default(null),
  handoffMode: z.enum(["manual", "round_robin"]).default("manual"),
  /** Calibration target: at most this share of answered questions answered wrongly. */
  targetWrongRate: z.number().min(0.005).max(0.5).default(0.05),
  retentionDays: z.number().int().min(1).max(3650).default(365),
  /** Seconds an agent who disconnects keeps their conversations before they return to the queue. */
  agentGraceSeconds: z.number().int().min(5).max(3600).default(120),
  /** The bot's small-talk replies, per intent and language, replacing the built-in ones ({name}, {topics} are filled in). */
  smalltalkReplies: z.record(z.string().max(40), z.record(z.string().max(10), z.string().trim().min(1).max(500))).default({}),
  /** Queue in-domain questions the bot cannot answer at once (default: offer a person, queue on the second in a row). */
  unknownToQueue: z.boolean().default(false),
  /** Queue off-topic messages (default: decline politely and offer a person). */
  offTopicToQueue: z.boolean().default(false),
  /** E-mail the conversation's transcript to a customer who left an address, when an agent resolves it (needs SMTP_URL). */
  emailTranscripts: z.boolean().default(false),
  /** E-mail the workspace's agents when a customer leaves an offline ticket (needs SMTP_URL). */
  emailTicketAlerts: z.boolean().default(false),
  /** Which side of the page the launcher sits on. */
  position: z.enum(["right", "left"]).default("right"),
  /** A short label shown beside the launcher bubble, per language ("Questions? Chat with us"); none = icon only. */
  launcherLabel: ZByLanguage.default({}),
  /** A message bubble shown by the launcher after some seconds on matching pages, until the visitor dismisses it. */
  proactive: ZProactiveGreeting.default({ enabled: false, delaySeconds: 15, pages: "", message: {} }),
  /** The tenant's own wording for some of the bot's fixed texts, per text and language. */
  botTexts: z.partialRecord(z.enum(OVERRIDABLE_BOT_TEXTS), ZByLanguage).default({}),
  /** Largest file customers and agents may attach, in bytes (images and PDFs; lib/attachments). */
  attachmentMaxBytes: z.number().int().min(100 * 1024).max(25 * 1024 * 1024).default(10 * 1024 * 1024),
  /** The pre-chat form (name, e-mail, topic) asked before the first message; off by default. */
  prechat: ZPrechatForm.default({ enabled: false, name: "required", email: "required", topic: "optional" }),
  onboarding: ZOnboarding.default({ snippetCopiedAt: null, dismissed: false }),
});

export type TenantSettings = z.infer<typeof ZTenantSettings>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = ZTenantSettings.parse({});

/** Settings as stored, completed with defaults; a corrupt value falls back to defaults. */
export function readTenantSettings(raw: unknown): TenantSettings {
  const r = ZTenantSettings.safeParse(raw ?? {});
  if (!r.success) return DEFAULT_TENANT_SETTINGS;
  // Workspaces from before the time-zone setting had one only inside their business hours.
  const stored = raw as { timezone?: unknown } | null;
  if (typeof stored?.timezone !== "string" && r.data.businessHours) return { ...r.data, timezone: r.data.businessHours.timezone };
  return r.data;
}

// The settings form's validation: every field checked with a message for the admin, and the
// cross-field rules (default language enabled, greetings only for enabled languages).
import { describe, expect, it } from "vitest";
import { mergeSettings, toAdminSettings, ZSettingsUpdate, type AdminSettings } from "@/lib/admin/settings";
import { isAppError } from "@/lib/errors/app-error";

const current: AdminSettings = toAdminSettings({ name: "Shop", languages: ["en", "es"], defaultLanguage: "en", allowedOrigins: ["https://shop.example.com"], settings: {} });

function issues(input: unknown) {
  const r = ZSettingsUpdate.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("settings validation", () => {
  it("accepts a complete, valid form and normalises language names", () => {
    const r = ZSettingsUpdate.parse({
      name: " Shop ",
      languages: ["English", "es-ES"],
      defaultLanguage: "es",
      allowedOrigins: ["https://*.example.com", "http://localhost:*"],
      color: "#112233",
      greeting: { en: "Hi", es: "Hola" },
      businessHours: { timezone: "Europe/Madrid", days: [null, { open: "09:00", close: "18:00" }, null, null, null, null, null] },
      handoffMode: "round_robin",
      targetWrongRate: 0.02,
      retentionDays: 90,
      agentGraceSeconds: 60,
    });
    expect(r.name).toBe("Shop");
    expect(r.languages).toEqual(["en", "es"]);
  });

  it("names the bad allowed origin by its position, with the expected form", () => {
    const found = issues({ allowedOrigins: ["https://ok.example.com", "https://shop.example.com/path", "shop.example.com"] });
    expect(found.map((i) => i.path)).toEqual(["allowedOrigins.1", "allowedOrigins.2"]);
    expect(found[0]!.message).toMatch(/origin like https:\/\/shop\.example\.com/);
  });

  it("refuses impossible hours, closing before opening and unknown timezones", () => {
    const days = (d: unknown) => [d, null, null, null, null, null, null];
    expect(issues({ businessHours: { timezone: "UTC", days: days({ open: "25:00", close: "26:00" }) } }).map((i) => i.path)).toContain("businessHours.days.0.open");
    expect(issues({ businessHours: { timezone: "UTC", days: days({ open: "18:00", close: "09:00" }) } })).toEqual([{ path: "businessHours.days.0.close", message: "Opening time must be before closing time." }]);
    expect(issues({ businessHours: { timezone: "Mars/Olympus", days: days(null) } })[0]!.message).toMatch(/Unknown timezone/);
  });

  it("bounds the answer-quality target, retention and grace period, and refuses unknown fields", () => {
    expect(issues({ targetWrongRate: 0.9 })[0]!.message).toMatch(/at most 50%/);
    expect(issues({ retentionDays: 0 })).toHaveLength(1);
    expect(issues({ agentGraceSeconds: 1 })).toHaveLength(1);
    expect(issues({ color: "blue" })[0]!.message).toMatch(/#2563eb/);
    expect(issues({ widgetKey: "steal" })).toHaveLength(1);
    expect(issues({ languages: ["xx-klingon"] })[0]!.message).toMatch(/not a language code/);
  });

  it("requires the default language to be enabled and drops greetings of disabled languages", () => {
    let err: unknown;
    try {
      mergeSettings(current, { languages: ["es"] });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code === "validation_failed" && (err.details as { path: string }[])[0]!.path).toBe("defaultLanguage");
    const merged = mergeSettings(current, { languages: ["es"], defaultLanguage: "es" });
    expect(Object.keys(merged.greeting)).toEqual(["es"]);
  });
});

describe("conversation settings", () => {
  it("keeps edited small-talk replies and drops emptied ones (back to the built-in reply)", () => {
    const update = ZSettingsUpdate.parse({ smalltalkReplies: { greeting: { en: "Hello from the shop!", es: "  " }, thanks: { en: "" } }, unknownToQueue: true });
    const next = mergeSettings(current, update);
    expect(next.smalltalkReplies).toEqual({ greeting: { en: "Hello from the shop!" } });
    expect(next.unknownToQueue).toBe(true);
    expect(next.offTopicToQueue).toBe(false);
  });

  it("refuses an unknown small-talk intent and an overlong reply", () => {
    expect(issues({ smalltalkReplies: { weather: { en: "Sunny" } } }).length).toBeGreaterThan(0);
    expect(issues({ smalltalkReplies: { greeting: { en: "x".repeat(501) } } })[0]?.message).toMatch(/500 characters/);
  });
});

describe("workspace time zone", () => {
  it("is one setting: the business hours follow it, and an old workspace takes it from its hours", () => {
    const hours = { timezone: "UTC", days: [null, { open: "09:00", close: "18:00" }, null, null, null, null, null] };
    const next = mergeSettings({ ...current, businessHours: hours }, ZSettingsUpdate.parse({ timezone: "Europe/Madrid" }));
    expect(next.timezone).toBe("Europe/Madrid");
    expect(next.businessHours?.timezone).toBe("Europe/Madrid");
    // An API client that sends only the hours' time zone changes the workspace's.
    expect(mergeSettings(current, ZSettingsUpdate.parse({ businessHours: { ...hours, timezone: "America/Lima" } })).timezone).toBe("America/Lima");
    expect(toAdminSettings({ ...tenantRow(), settings: { businessHours: { ...hours, timezone: "Asia/Tokyo" } } }).timezone).toBe("Asia/Tokyo");
    expect(toAdminSettings(tenantRow()).timezone).toBe("UTC");
    expect(issues({ timezone: "Mars/Olympus" })[0]!.message).toMatch(/Unknown timezone/);
  });
});

function tenantRow() {
  return { name: "Shop", languages: ["en"], defaultLanguage: "en", allowedOrigins: [], settings: {} as unknown };
}


describe("widget look, proactive greeting and the bot's own texts", () => {
  it("keeps a left launcher, a label and the greeting's pages; drops emptied texts", () => {
    const update = ZSettingsUpdate.parse({
      position: "left",
      launcherLabel: { en: "Questions? Chat with us", es: " " },
      proactive: { enabled: true, delaySeconds: 20, pages: "/pricing*\n/help/*", message: { en: "Need a hand?", es: "" } },
      botTexts: { offTopic: { en: "We only talk about bikes here." }, dontKnowOffer: { en: "" } },
    });
    const next = mergeSettings(current, update);
    expect(next.position).toBe("left");
    expect(next.launcherLabel).toEqual({ en: "Questions? Chat with us" });
    expect(next.proactive).toEqual({ enabled: true, delaySeconds: 20, pages: "/pricing*\n/help/*", message: { en: "Need a hand?" } });
    expect(next.botTexts).toEqual({ offTopic: { en: "We only talk about bikes here." } });
  });

  it("says what is wrong with a bad position, delay, page pattern or text", () => {
    expect(issues({ position: "top" })[0]?.message).toMatch(/right or the left/);
    expect(issues({ proactive: { enabled: true, delaySeconds: 0, pages: "", message: {} } })[0]?.message).toMatch(/at least 1 second/);
    expect(issues({ proactive: { enabled: true, delaySeconds: 5, pages: "pricing", message: {} } })[0]?.message).toMatch(/starting with \//);
    expect(issues({ launcherLabel: { en: "x".repeat(61) } })[0]?.message).toMatch(/60 characters/);
    expect(issues({ botTexts: { weather: { en: "Sunny" } } }).length).toBeGreaterThan(0);
  });
});

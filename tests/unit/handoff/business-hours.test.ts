// Whether a person can be reached now: business hours per weekday in the tenant's time zone.
import { describe, expect, it } from "vitest";
import { withinBusinessHours } from "@/lib/handoff/availability";
import { readTenantSettings } from "@/lib/tenancy/settings";

const weekdays9to18 = { timezone: "Europe/Madrid", days: [null, ...Array(5).fill({ open: "09:00", close: "18:00" }), null] };
const settings = readTenantSettings({ businessHours: weekdays9to18 });

describe("business hours", () => {
  it("are always open when none are configured", () => {
    expect(withinBusinessHours(readTenantSettings({}), new Date("2026-01-04T03:00:00Z"))).toBe(true);
  });

  it("follow the tenant's time zone", () => {
    // Monday 2026-01-05: 08:30 UTC is 09:30 in Madrid (open); 17:30 UTC is 18:30 (closed).
    expect(withinBusinessHours(settings, new Date("2026-01-05T08:30:00Z"))).toBe(true);
    expect(withinBusinessHours(settings, new Date("2026-01-05T07:30:00Z"))).toBe(false);
    expect(withinBusinessHours(settings, new Date("2026-01-05T17:30:00Z"))).toBe(false);
  });

  it("are closed on days without hours", () => {
    // Sunday 2026-01-04, midday in Madrid.
    expect(withinBusinessHours(settings, new Date("2026-01-04T11:00:00Z"))).toBe(false);
  });

  it("stay open when the time zone is unknown rather than locking customers out", () => {
    const broken = { ...settings, businessHours: { ...weekdays9to18, timezone: "Mars/Olympus" } };
    expect(withinBusinessHours(broken, new Date("2026-01-04T11:00:00Z"))).toBe(true);
  });
});

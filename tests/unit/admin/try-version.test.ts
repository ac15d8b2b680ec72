// The test console on /admin/training starts on the model the admin has just trained (newer than
// the live one) and labels which version is live.
import { describe, expect, it } from "vitest";
import { defaultTryVersion, tryVersionLabel } from "@/components/admin/training/try-version";

const v = (number: number, live = false, faq = number) => ({ id: `m${number}`, number, live, faqVersionNumber: faq });

describe("test console version", () => {
  it("starts on the newest version when it is newer than the live one", () => {
    expect(defaultTryVersion([v(2), v(1, true)])?.id).toBe("m2");
    expect(defaultTryVersion([v(1, true), v(3), v(2)])?.id).toBe("m3");
  });

  it("starts on the live version when it is the newest", () => {
    expect(defaultTryVersion([v(2, true), v(1)])?.id).toBe("m2");
    expect(defaultTryVersion([v(3, true), v(2), v(1)])?.id).toBe("m3");
  });

  it("starts on the newest version when nothing is live, and on nothing without versions", () => {
    expect(defaultTryVersion([v(1), v(2)])?.id).toBe("m2");
    expect(defaultTryVersion([])).toBeNull();
  });

  it("labels the live version and the newest unpublished one", () => {
    const versions = [v(3, false, 2), v(2, false, 2), v(1, true, 1)];
    expect(versions.map((x) => tryVersionLabel(x, versions))).toEqual(["v3 — newest, not live, FAQ v2", "v2 — not live, FAQ v2", "v1 — live, FAQ v1"]);
    const published = [v(2, true), v(1)];
    expect(published.map((x) => tryVersionLabel(x, published))).toEqual(["v2 — live, FAQ v2", "v1 — not live, FAQ v1"]);
  });
});

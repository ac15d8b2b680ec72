import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNextPath("/admin/faq")).toBe("/admin/faq");
    expect(safeNextPath("/admin/analytics?days=30#top")).toBe("/admin/analytics?days=30#top");
  });

  it.each([
    "/\\evil.example/phish", // ?next=/%5Cevil.example/phish
    "/\t/evil.example", // ?next=/%09/evil.example
    "/\n/evil.example",
    "/\r/evil.example",
    "//evil.example",
    "/ /evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j and falls back", (next) => {
    expect(safeNextPath(next)).toBe("/agent");
  });

  it("never yields a URL that a browser resolves to another host", () => {
    for (const next of ["/\\evil.example", "/\t/evil.example", "/%2F%2Fevil.example", "/..//evil.example", "/./\\evil"]) {
      const out = safeNextPath(next);
      expect(new URL(out, "https://app.example").host).toBe("app.example");
    }
  });
});

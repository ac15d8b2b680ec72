import { describe, expect, it } from "vitest";
import { frameAncestorSources, framePolicy } from "@/lib/widget/frame-policy";

describe("frame-ancestors policy", () => {
  it("turns allowed-origin patterns into CSP sources, wildcards included", () => {
    expect(framePolicy(["https://shop.example.com", "https://*.Brand.com", "http://localhost:*", "http://127.0.0.1:8080"])).toBe(
      "frame-ancestors 'self' https://shop.example.com https://*.brand.com http://localhost:* http://127.0.0.1:8080",
    );
  });

  it("allows only the app itself when the tenant allowed nothing", () => {
    expect(framePolicy([])).toBe("frame-ancestors 'self'");
    expect(framePolicy(null)).toBe("frame-ancestors 'self'");
  });

  it("drops anything that could add directives or widen the policy", () => {
    expect(frameAncestorSources(["https://a.com; script-src *", "*", "https://a.com/path", "'unsafe-inline'", "javascript:alert(1)", 7, "https://ok.com"])).toEqual(["https://ok.com"]);
  });

  it("lists each source once", () => {
    expect(frameAncestorSources(["https://a.com", "https://A.com ", "https://a.com"])).toEqual(["https://a.com"]);
  });
});

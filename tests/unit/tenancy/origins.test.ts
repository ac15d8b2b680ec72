import { describe, expect, it } from "vitest";
import { originAllowed } from "@/lib/tenancy/origins";

describe("originAllowed", () => {
  const patterns = ["https://shop.example.com", "https://*.brand.com", "http://localhost:*"];
  it.each([
    ["https://shop.example.com", true],
    ["https://shop.example.com:443", false], // browsers never send a default port: not canonical
    ["http://shop.example.com", false],
    ["https://evil-shop.example.com", false],
    ["https://shop.example.com.evil.com", false],
    ["https://es.brand.com", true],
    ["https://a.b.brand.com", false],
    ["https://brand.com", false],
    ["http://localhost:5173", true],
    ["http://localhost", true],
    ["http://127.0.0.1:5173", false],
    ["null", false],
    [undefined, false],
  ])("%s → %s", (origin, expected) => {
    expect(originAllowed(origin as string | undefined, patterns)).toBe(expected);
  });
});

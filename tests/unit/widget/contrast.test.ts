// The brand colour is corrected so white text on it meets WCAG AA (4.5:1).
import { describe, expect, it } from "vitest";
import { readableBrandColor, whiteContrast } from "@/lib/widget/contrast";

describe("readable brand colour", () => {
  it("keeps a colour white text already reads on", () => {
    expect(readableBrandColor("#2563EB")).toBe("#2563eb");
    expect(readableBrandColor("#000000")).toBe("#000000");
  });

  it.each(["#ffeb3b", "#ffffff", "#22c55e", "#5182ef", "#f97316"])("darkens %s until white text reaches 4.5:1", (hex) => {
    const out = readableBrandColor(hex);
    expect(out).not.toBe(hex);
    expect(whiteContrast(out)).toBeGreaterThanOrEqual(4.5);
  });

  it("falls back for anything that is not #rrggbb", () => {
    expect(readableBrandColor("red")).toBe("#2563eb");
    expect(readableBrandColor("#abc", "#111111")).toBe("#111111");
  });
});

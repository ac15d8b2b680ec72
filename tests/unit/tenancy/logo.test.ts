// Logos are recognised by their content, never by their name; SVG (which can carry scripts) and
// anything else is refused.
import { describe, expect, it } from "vitest";
import { logoUrl, sniffImageType } from "@/lib/tenancy/logo";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe("logo type", () => {
  it("recognises PNG, JPEG, GIF and WebP", () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a......"))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses SVG, HTML and empty files", () => {
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<html>"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it("versions the URL so a new logo is fetched again", () => {
    expect(logoUrl("pk_abc", new Date(1000))).toBe("/api/widget/logo?key=pk_abc&v=1000");
  });
});

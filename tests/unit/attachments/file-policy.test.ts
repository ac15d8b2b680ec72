// What may be attached, decided by content: images and PDFs pass, an executable named .png or an
// HTML page does not, nor a file over the limit; links to attachments are signed and expire.
import { describe, expect, it } from "vitest";
import { checkAttachment, cleanFileName } from "@/lib/attachments/file-policy";
import { linkValid, signedAttachmentUrl } from "@/lib/attachments/signed-url";
import { makePdf } from "../../support/pdf";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("attachment policy", () => {
  it("recognises images and PDFs by their bytes", async () => {
    expect(await checkAttachment(PNG, 1024)).toBe("image/png");
    expect(await checkAttachment(makePdf([["x"]]), 10_000)).toBe("application/pdf");
  });

  it("refuses executables, HTML, empty and oversized files with what to send instead", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    await expect(checkAttachment(exe, 10_000)).rejects.toThrow("This kind of file cannot be sent. Send an image (PNG, JPEG, GIF or WebP) or a PDF document.");
    await expect(checkAttachment(Buffer.from("<!doctype html><script>alert(1)</script>"), 10_000)).rejects.toThrow("This kind of file cannot be sent");
    await expect(checkAttachment(new Uint8Array(0), 10_000)).rejects.toThrow("The file is empty.");
    await expect(checkAttachment(Buffer.concat([PNG, Buffer.alloc(300 * 1024)]), 100 * 1024)).rejects.toThrow("Files up to 100 KB can be sent.");
  });

  it("keeps file names to a plain name", () => {
    expect(cleanFileName("../../etc/passwd", "application/pdf")).toBe("passwd");
    expect(cleanFileName('C:\\Users\\a\\my "photo".png', "image/png")).toBe("my photo.png");
    expect(cleanFileName("", "application/pdf")).toBe("document.pdf");
  });

  it("signs links per attachment and lets them expire", () => {
    const now = Date.UTC(2026, 0, 1);
    const url = new URL(signedAttachmentUrl("abc", now), "http://x");
    const [e, s] = [url.searchParams.get("e"), url.searchParams.get("s")];
    expect(linkValid("abc", e, s, now)).toBe(true);
    expect(linkValid("abd", e, s, now)).toBe(false);
    expect(linkValid("abc", String(Number(e) + 600), s, now)).toBe(false);
    expect(linkValid("abc", e, s, now + 3 * 3600_000)).toBe(false);
  });
});

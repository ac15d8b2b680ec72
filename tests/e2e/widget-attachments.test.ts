// Attachments in real Chromium: the customer sends an image and a PDF from the widget, the agent
// sees the thumbnail and the link, opens both (served with their real type, nosniff, never as
// HTML) and answers with a file the customer receives; a file over the workspace's limit and an
// executable renamed .png are refused with a clear message (in the widget, and by the server);
// links are signed; the files go into the data-rights export and away with the visitor.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { signInAt, startHostSite, type HostSite } from "../support/host-site";
import { loginCookie, seedTenant } from "../support/seed";
import { makePdf } from "../support/pdf";

let app: E2EApp;
let browser: Browser;
let site: HostSite;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  site = await startHostSite(app.server.url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(makePdf([["Receipt for order 1234"]]));
// A Windows executable's first bytes ("MZ" header), named like a picture.
const EXE = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000b800000000000000400000000000000000", "hex"), Buffer.alloc(512, 0)]);
// A real PNG signature followed by padding: a picture, but over the workspace's 100 KB limit.
const BIG_PNG = Buffer.concat([PNG, Buffer.alloc(150 * 1024, 0)]);

const signIn = (page: Page, user: { email: string; password: string }, next: string) => signInAt(app.server.url, page, user, next);

async function openChat(page: Page, key: string): Promise<Frame> {
  await page.goto(`${site.url}/?key=${key}`);
  await page.locator("#faqbot-widget button.btn").click();
  const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

describe("attachments", () => {
  it("go from customer to agent and back, are refused when too large or disguised, and leave with the visitor", async () => {
    const t = await seedTenant(app.db, { settings: { attachmentMaxBytes: 100 * 1024 } });
    const agentCtx = await browser.newContext();
    const customerCtx = await browser.newContext();
    try {
      const desk = await agentCtx.newPage();
      await signIn(desk, t.agent, "/agent");
      await desk.locator('[data-testid="connection"][data-state="online"]').waitFor();

      const shop = await customerCtx.newPage();
      const chat = await openChat(shop, t.widgetKey);
      await chat.locator('[data-testid="composer"]').fill("I have a problem with my order");
      await chat.locator('[data-testid="composer"]').press("Enter");
      await chat.locator('[data-testid="message"][data-role="customer"]').first().waitFor();
      await chat.locator('[data-testid="header-handoff"]').click();
      const item = desk.locator('[data-testid="queue-item"]');
      await item.waitFor({ timeout: 30_000 });
      await item.locator('[data-testid="claim"]').click();
      const conversation = desk.locator('[data-testid="conversation"][data-status="assigned"]');
      await conversation.waitFor();

      // The customer sends a picture and a PDF.
      await chat.locator('[data-testid="attach-input"]').setInputFiles({ name: "broken-box.png", mimeType: "image/png", buffer: PNG });
      await chat.locator('[data-testid="message"][data-role="customer"] [data-testid="attachment-thumbnail"]').waitFor({ timeout: 30_000 });
      await chat.locator('[data-testid="attach-input"]').setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: PDF });
      await chat.locator('[data-testid="attachment"][data-kind="file"][data-name="receipt.pdf"]').waitFor({ timeout: 30_000 });
      // The thumbnail really loads in the widget.
      await expect.poll(() => chat.locator('[data-testid="attachment-thumbnail"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBe(1);

      // The agent sees both and opens them: the bytes sent, with their real type, never sniffed.
      const image = conversation.locator('[data-testid="history-message"][data-role="customer"] [data-testid="attachment"][data-kind="image"]');
      await image.waitFor({ timeout: 30_000 });
      const pdfLink = conversation.locator('[data-testid="attachment"][data-kind="file"][data-name="receipt.pdf"]');
      await pdfLink.waitFor({ timeout: 30_000 });
      const imageUrl = new URL((await image.getAttribute("href"))!, app.server.url).toString();
      const pdfUrl = new URL((await pdfLink.getAttribute("href"))!, app.server.url).toString();
      const img = await desk.request.get(imageUrl);
      expect(img.status()).toBe(200);
      expect(img.headers()["content-type"]).toBe("image/png");
      expect(img.headers()["x-content-type-options"]).toBe("nosniff");
      expect(img.headers()["content-disposition"]).toMatch(/^inline; filename="broken-box.png"/);
      expect(Buffer.from(await img.body()).equals(PNG)).toBe(true);
      const pdf = await desk.request.get(pdfUrl);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="receipt.pdf"/);
      expect(pdf.headers()["content-security-policy"]).toContain("sandbox");
      expect(Buffer.from(await pdf.body()).equals(PDF)).toBe(true);
      // A link is good for its file only: a changed signature opens nothing.
      const forged = new URL(imageUrl);
      const signature = forged.searchParams.get("s")!;
      // (A different first character: a signature that already starts with "x" would stay valid.)
      forged.searchParams.set("s", (signature[0] === "x" ? "y" : "x") + signature.slice(1));
      const refused = await desk.request.get(forged.toString());
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("expired or is not valid");

      // The agent answers with a file; the customer gets it.
      await desk.locator('[data-testid="agent-attach-input"]').setInputFiles({ name: "return-label.pdf", mimeType: "application/pdf", buffer: PDF });
      await conversation.locator('[data-testid="history-message"][data-role="agent"] [data-testid="attachment"][data-name="return-label.pdf"]').or(desk.locator('[data-testid="console-error"]')).first().waitFor({ timeout: 30_000 });
      expect(await desk.locator('[data-testid="console-error"]').count(), await desk.locator('[data-testid="console-error"]').first().innerText().catch(() => "")).toBe(0);
      await chat.locator('[data-testid="message"][data-role="agent"] [data-testid="attachment"][data-name="return-label.pdf"]').waitFor({ timeout: 30_000 });

      // Too large, and a disguised executable: refused with what to send instead.
      await chat.locator('[data-testid="attach-input"]').setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: BIG_PNG });
      expect(await chat.locator('[data-testid="notice"]').innerText()).toBe("This file is too large (150 KB). Files up to 100 KB can be sent.");
      await chat.locator('[data-testid="attach-input"]').setInputFiles({ name: "holiday.png", mimeType: "image/png", buffer: EXE });
      await chat.locator('[data-testid="notice"]', { hasText: "This kind of file cannot be sent" }).waitFor({ timeout: 30_000 });
      expect(await chat.locator('[data-testid="notice"]').innerText()).toBe("This kind of file cannot be sent. Send an image (PNG, JPEG, GIF or WebP) or a PDF document.");
      // The server refuses the oversized file too, for a client that skips the widget's check.
      const token = await shop.evaluate((key) => localStorage.getItem(`faqbot:v1:${key}:visitor`), t.widgetKey);
      const serverSays = await chat.evaluate(
        async ([key, visitorToken, size]) => {
          const form = new FormData();
          form.set("key", key);
          form.set("visitorToken", visitorToken);
          form.set("clientMessageId", "big-file-0001");
          const bytes = new Uint8Array(size);
          bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
          form.set("file", new File([bytes], "big.png", { type: "image/png" }));
          const res = await fetch("/api/widget/attachments", { method: "POST", body: form });
          return { status: res.status, body: (await res.json()) as { error: { message: string } } };
        },
        [t.widgetKey, token!, 150 * 1024] as const,
      );
      expect(serverSays.status).toBe(413);
      expect(serverSays.body.error.message).toContain("Files up to 100 KB can be sent.");

      const rows = await app.db.attachment.findMany({ where: { tenantId: t.tenantId }, orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => [r.fileName, r.contentType, r.uploadedBy])).toEqual([
        ["broken-box.png", "image/png", "customer"],
        ["receipt.pdf", "application/pdf", "customer"],
        ["return-label.pdf", "application/pdf", "agent"],
      ]);
      const files = rows.map((r) => path.join(app.server.dataDir, "attachments", r.storageKey));
      expect(files.every((f) => fs.existsSync(f))).toBe(true);

      // Data rights: the export holds the files; erasing the visitor removes rows and files.
      const conv = await app.db.conversation.findFirstOrThrow({ where: { tenantId: t.tenantId } });
      const admin = await loginCookie(app.server.url, t.admin.email, t.admin.password);
      const exported = (await (await fetch(`${app.server.url}/api/admin/privacy/visitors/${conv.visitorId}`, { headers: { cookie: admin } })).json()) as {
        conversations: { attachments: { fileName: string; contentBase64: string }[] }[];
      };
      const inExport = exported.conversations.flatMap((c) => c.attachments);
      expect(inExport.map((a) => a.fileName)).toEqual(["broken-box.png", "receipt.pdf", "return-label.pdf"]);
      expect(Buffer.from(inExport[0]!.contentBase64, "base64").equals(PNG)).toBe(true);
      const erased = await fetch(`${app.server.url}/api/admin/privacy/visitors/${conv.visitorId}`, { method: "DELETE", headers: { cookie: admin, origin: app.server.url } });
      expect(erased.status).toBe(200);
      expect(await app.db.attachment.count({ where: { tenantId: t.tenantId } })).toBe(0);
      expect(files.some((f) => fs.existsSync(f))).toBe(false);
    } finally {
      await agentCtx.close();
      await customerCtx.close();
    }
  });
});

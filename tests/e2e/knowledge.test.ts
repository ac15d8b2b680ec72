// Help-centre documents as a business and its customers meet them, with no chat model: bad
// documents sent through the API or the console are refused with a clear reason and change
// nothing; an article sent with POST /api/v1/knowledge answers, within a minute, a question no
// FAQ entry covers — in the widget on the business's own site, quoting the fact, with a source
// link that opens the article — while off-topic requests and questions the article does not
// answer still get the usual replies.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { loginCookie } from "../support/seed";
import { makePdf } from "../support/pdf";

let app: E2EApp;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let cookie: string;
let key: string;
const LIMIT = 20_000;

async function startSite(appUrl: string) {
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1><script src="${appUrl}/widget.js" data-tenant="pk_demo" async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${app.server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });

async function consoleUpload(files: Array<{ name: string; bytes: Uint8Array; type?: string }>) {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([Buffer.from(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.name);
  return fetch(`${app.server.url}/api/admin/knowledge`, { method: "POST", headers: { cookie, origin: app.server.url }, body: form });
}

beforeAll(async () => {
  app = await startE2EApp({ env: { MAX_UPLOAD_BYTES: String(LIMIT) } });
  browser = await launchBrowser();
  site = await startSite(app.server.url);
  cookie = await loginCookie(app.server.url, "admin@demo.local", "demo-admin-pass");
  const res = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, origin: app.server.url, "content-type": "application/json" }, body: JSON.stringify({ name: "Help centre sync", scopes: ["knowledge:read", "knowledge:write"] }) });
  expect(res.status).toBe(201);
  key = ((await res.json()) as { key: string }).key;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

async function openChat(page: Page): Promise<Frame> {
  await page.goto(site.url);
  await page.locator("#faqbot-widget button").click();
  const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

async function ask(frame: Frame, text: string) {
  const before = await frame.locator('[data-testid="message"][data-role="bot"]').count();
  await frame.locator('[data-testid="composer"]').fill(text);
  await frame.locator('[data-testid="composer"]').press("Enter");
  await frame.locator('[data-testid="message"][data-role="bot"]').nth(before).waitFor();
  return frame.locator('[data-testid="message"][data-role="bot"]').nth(before);
}

describe("knowledge documents", () => {
  it("refuses bad documents with a clear reason and changes nothing", async () => {
    const cases: Array<[unknown, number, RegExp]> = [
      [{ title: "Empty", content: "   " }, 422, /content is empty/],
      [{ title: "Binary", content: "PK\u0003\u0004\u0000\u0000binary" }, 422, /binary data/],
      [{ title: "Huge", content: "word ".repeat(LIMIT / 4) }, 422, /the limit is 20 KB/],
      [{ title: "Way too big", content: "word ".repeat(LIMIT * 5) }, 413, /larger than the 19\.5 KB limit|larger than the 20 KB limit/],
      [{ content: "No title here, but enough words to read." }, 422, /title/],
      [{ title: "Bad link", content: "Enough words to be an article.", url: "javascript:alert(1)" }, 422, /URL/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api("POST", "/knowledge", body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const scan = await consoleUpload([{ name: "scan.pdf", bytes: makePdf([[], []]), type: "application/pdf" }]);
    expect(scan.status).toBe(422);
    expect(((await scan.json()) as { error: { message: string } }).error.message).toMatch(/scan\.pdf has no text that can be read.*Nothing was saved/);
    const mixed = await consoleUpload([{ name: "ok.md", bytes: new TextEncoder().encode("# Fine\n\nThis article is perfectly fine to read.") }, { name: "photo.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]) }]);
    expect(mixed.status).toBe(422);
    // A key without knowledge:write may read but not add.
    const readOnly = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, origin: app.server.url, "content-type": "application/json" }, body: JSON.stringify({ name: "Reader", scopes: ["knowledge:read"] }) });
    const readKey = ((await readOnly.json()) as { key: string }).key;
    const denied = await fetch(`${app.server.url}/api/v1/knowledge`, { method: "POST", headers: { authorization: `Bearer ${readKey}`, "content-type": "application/json" }, body: JSON.stringify({ title: "x", content: "Enough words to be an article here." }) });
    expect(denied.status).toBe(403);
    const list = (await (await api("GET", "/knowledge")).json()) as { version: unknown; documents: unknown[] };
    expect(list).toEqual({ version: null, documents: [] });
    expect(await app.db.knowledgeDocument.count()).toBe(0);
  });

  it("answers in the widget from an article sent through the API, within a minute, with the source link", async () => {
    const started = Date.now();
    const res = await api("POST", "/knowledge", {
      title: "Gift wrapping",
      content: "# Gift wrapping\n\nWe gift wrap any order for $4.25, in recycled kraft paper with a handwritten card. Choose it at checkout.\n\n## Gift receipts\n\nGift receipts show no prices.",
    });
    expect(res.status).toBe(201);
    const { documents } = (await res.json()) as { documents: Array<{ id: string; title: string }> };

    const context = await browser.newContext();
    const page = await context.newPage();
    const frame = await openChat(page);
    const answer = await ask(frame, "Can you gift wrap my order?");
    await expect.poll(() => answer.textContent()).toContain("$4.25");
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await answer.textContent()).not.toContain("Gift receipts show no prices");
    const source = answer.locator('a[data-testid="source"]');
    expect(await source.textContent()).toContain("Gift wrapping");
    const href = await source.getAttribute("href");
    expect(href).toBe(`/help/pk_demo/${documents[0]!.id}`);
    // The link opens the whole article.
    const [articlePage] = await Promise.all([context.waitForEvent("page"), source.click()]);
    await articlePage.locator('[data-testid="document-title"]').waitFor();
    expect(await articlePage.locator('[data-testid="document-title"]').textContent()).toBe("Gift wrapping");
    expect(await articlePage.locator('[data-testid="document-text"]').textContent()).toContain("Gift receipts show no prices.");

    // The documents do not make the bot answer what it should not.
    const joke = await ask(frame, "Tell me a joke");
    expect(await joke.locator('[data-testid="source"]').count()).toBe(0);
    const kayak = await ask(frame, "Can I rent a kayak for the weekend?");
    expect(await kayak.textContent()).not.toContain("$4.25");
    expect(await kayak.locator('a[data-testid="source"]').count()).toBe(0);

    // Stored with its source, and listed in the API.
    const row = await app.db.message.findFirst({ where: { role: "bot", text: { contains: "$4.25" } } });
    expect((row?.metadata as { source?: { kind?: string; url?: string } }).source).toMatchObject({ kind: "document", url: href });
    const list = (await (await api("GET", "/knowledge")).json()) as { documents: Array<{ title: string }> };
    expect(list.documents.map((d) => d.title)).toEqual(["Gift wrapping"]);
    await context.close();

    // Deleted through the API: the next customer is not answered from it.
    expect((await api("DELETE", `/knowledge/${documents[0]!.id}`)).status).toBe(200);
    const again = await browser.newContext();
    const frame2 = await openChat(await again.newPage());
    const after = await ask(frame2, "Can you gift wrap my order?");
    expect(await after.textContent()).not.toContain("$4.25");
    await again.close();
  });
});

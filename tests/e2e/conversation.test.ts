// The bot as a demo-shop customer meets it in the widget (real Chromium): ordinary questions in
// the customer's words get answers, greetings and thanks get replies instead of "I don't know",
// a Spanish question gets a Spanish reply, an off-topic question is declined without queueing and
// offers a person with a button — and none of this puts the customer in the human queue.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";

let app: E2EApp;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1><script src="${app.server.url}/widget.js" data-tenant="pk_demo" async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  site = { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

async function openChat(page: Page): Promise<Frame> {
  await page.goto(site.url);
  await page.locator("#faqbot-widget button").click();
  const handle = await page.locator("#faqbot-widget iframe").elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

/** Sends a message and returns the text of the bot's reply to it (the n-th bot message). */
async function ask(frame: Frame, text: string): Promise<{ text: string; reply: ReturnType<Frame["locator"]> }> {
  const before = await frame.locator('[data-testid="message"][data-role="bot"]').count();
  await frame.locator('[data-testid="composer"]').fill(text);
  await frame.locator('[data-testid="composer"]').press("Enter");
  const reply = frame.locator('[data-testid="message"][data-role="bot"]').nth(before);
  await reply.waitFor();
  return { text: (await reply.textContent()) ?? "", reply };
}

describe("the demo bot in conversation", () => {
  it("greets, answers in the customer's words and language, thanks, and never queues the customer", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const frame = await openChat(page);

    const hello = await ask(frame, "hello");
    expect(hello.text).toMatch(/help/i);
    expect(hello.text).not.toMatch(/don't have an answer/i);

    const free = await ask(frame, "do you ship for free?");
    expect(free.text).toContain("Shipping is free on orders over $50");
    expect(await free.reply.locator('[data-testid="source"]').textContent()).toContain("How much does shipping cost?");

    // Not sure which entry: the choices include tracking the order, and one click answers.
    const late = await ask(frame, "my package still hasn't arrived");
    if (!late.text.includes("tracking link")) {
      const track = late.reply.locator('[data-testid="suggestion"]', { hasText: "How can I track my order?" });
      await track.click();
      await frame.locator('[data-testid="message"][data-role="bot"]', { hasText: "tracking link" }).waitFor();
    }

    const thanks = await ask(frame, "thanks!");
    expect(thanks.text).toMatch(/welcome/i);

    const refund = await ask(frame, "¿me podéis devolver el dinero?");
    // An answer from the Spanish FAQ, or Spanish choices under a Spanish label.
    if (refund.text.includes("reembols")) {
      expect(refund.text).toMatch(/reembols/);
    } else {
      expect(refund.text).toContain("¿Te refieres a");
      const choices = await refund.reply.locator('[data-testid="suggestion"]').allTextContents();
      expect(choices.some((c) => /devol|reembolso/i.test(c))).toBe(true);
      expect(choices.every((c) => /[¿áéíóúñ]|devol|reembolso|envío|pedido/i.test(c))).toBe(true);
    }

    expect(await frame.locator('[data-testid="message"][data-kind="handoff_queued"]').count()).toBe(0);
    const conv = await app.db.conversation.findFirst({ where: { tenant: { widgetKey: "pk_demo" } }, orderBy: { createdAt: "desc" } });
    expect(conv?.status).toBe("open");
    expect(await app.db.handoff.count({ where: { conversationId: conv!.id } })).toBe(0);
    await context.close();
  });

  it("declines an off-topic question politely and offers a person with a button", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const frame = await openChat(page);
    const weather = await ask(frame, "what's the weather in London?");
    expect(weather.text).toMatch(/can't help with that/i);
    const offer = weather.reply.locator('[data-testid="offer-person"]');
    await offer.waitFor();
    expect(await frame.locator('[data-testid="message"][data-kind="handoff_queued"]').count()).toBe(0);
    // Nobody is on duty in the demo: the button leads to the offline form.
    await offer.click();
    await frame.locator('[data-testid="offline-form"]').or(frame.locator('[data-testid="message"][data-kind="handoff_queued"]')).first().waitFor();
    await context.close();
  });
});

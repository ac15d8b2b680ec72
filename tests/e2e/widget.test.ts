// The embeddable widget as a customer meets it: a third-party page (another origin) with only the
// one-line snippet, in real Chromium. Answers stream in, history survives a reload, a message
// typed offline is delivered exactly once, message text is never HTML, a site the tenant did not
// allow gets no chat, and the panel fills a phone screen.
import http from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { seedTenant } from "../support/seed";

const require = createRequire(import.meta.url);

let app: E2EApp;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

/** A customer's website on another origin (localhost vs the app's 127.0.0.1): just the snippet. */
async function startSite(appUrl: string) {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? "/", "http://x").searchParams;
    const key = q.get("key") ?? "";
    // ?lang= sets the snippet's data-lang; ?page= the page's own <html lang>.
    const dataLang = (q.get("lang") ?? "").replace(/[^\w-]/g, "");
    const pageLang = (q.get("page") ?? "").replace(/[^\w-]/g, "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html${pageLang ? ` lang="${pageLang}"` : ""}><head><title>Shop</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>button,iframe,div{all:unset!important}</style></head>
<body><h1>Our shop</h1><script src="${appUrl}/widget.js" data-tenant="${key.replace(/[^\w-]/g, "")}"${dataLang ? ` data-lang="${dataLang}"` : ""} async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  site = await startSite(app.server.url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

const launcher = (page: Page) => page.locator("#faqbot-widget button.btn");

async function chatFrame(page: Page): Promise<Frame> {
  const handle = await page.locator("#faqbot-widget iframe").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.locator('[data-testid="composer"]').waitFor();
  return frame!;
}

/** Opens the shop page and the chat; resolves once the chat is connected and synced. */
async function openChat(page: Page, key: string, query = ""): Promise<Frame> {
  await page.goto(`${site.url}/?key=${key}${query}`);
  await launcher(page).click();
  const frame = await chatFrame(page);
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

async function send(frame: Frame, text: string) {
  await frame.locator('[data-testid="composer"]').fill(text);
  await frame.locator('[data-testid="composer"]').press("Enter");
}

describe("widget on a customer's website", () => {
  // A fresh browser profile per test, so one test's network or storage state cannot leak.
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(async () => context?.close());

  it("streams the answer to an FAQ question and keeps the history after a reload", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo"); // the demo tenant has a trained, published model
    // Record every intermediate state the reply goes through (typing dots, partial bubble).
    await frame.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      new MutationObserver(() => {
        for (const id of ["typing", "streaming"]) if (document.querySelector(`[data-testid="${id}"]`) && !w.__seen.includes(id)) w.__seen.push(id);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const question = "Which payment methods do you accept?";
    await send(frame, question);
    const answerText = "We accept Visa, Mastercard, American Express, PayPal and Apple Pay.";
    const answer = frame.locator('[data-testid="message"][data-role="bot"]', { hasText: answerText });
    const suggestion = frame.locator('[data-testid="suggestion"]', { hasText: question });
    await answer.or(suggestion).first().waitFor();
    // A model unsure of itself offers "Did you mean" first; choosing the entry streams its answer.
    if (!(await answer.count())) await suggestion.click();
    await answer.waitFor();
    expect(await frame.evaluate(() => (window as unknown as { __seen: string[] }).__seen.length)).toBeGreaterThan(0);
    expect(await answer.locator('[data-testid="source"]').textContent()).toContain(question);
    const asked = await frame.locator('[data-testid="message"][data-role="customer"]').allTextContents();

    await page.reload();
    // The panel was open: it opens again, with the same conversation.
    const again = await chatFrame(page);
    await again.locator('[data-testid="message"][data-role="bot"]', { hasText: answerText }).waitFor();
    expect(await again.locator('[data-testid="message"][data-role="customer"]').allTextContents()).toEqual(asked);
  });

  it("keeps what the customer typed but did not send across a reload", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo");
    const box = frame.locator("textarea");
    await box.fill("my order 4411 arrived with a broken");
    await page.waitForTimeout(500); // the draft is saved after a short pause in typing
    await page.reload();
    const again = await chatFrame(page);
    await expect.poll(() => again.locator("textarea").inputValue()).toBe("my order 4411 arrived with a broken");
    // Sent, it is gone from the draft.
    await again.locator("textarea").press("Enter");
    await page.reload();
    const third = await chatFrame(page);
    await third.locator('[data-testid="message"][data-role="customer"]', { hasText: "my order 4411" }).first().waitFor();
    expect(await third.locator("textarea").inputValue()).toBe("");
  });

  it("records thumbs on an answer and, with nobody on duty, takes an e-mail instead of a handoff", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo");
    await send(frame, "how much does shipping cost");
    const answer = frame.locator('[data-testid="message"][data-role="bot"]', { hasText: "Shipping is free on orders over $50" });
    await answer.waitFor();
    await answer.getByRole("button", { name: "Not helpful" }).click();
    await frame.locator('[data-testid="message"][data-role="bot"][data-feedback="-1"]').waitFor();
    await expect.poll(async () => (await app.db.message.findFirst({ where: { role: "bot", text: { startsWith: "Shipping is free" }, feedback: -1 } })) !== null).toBe(true);

    await frame.locator('[data-testid="header-handoff"]').click();
    const form = frame.locator('[data-testid="offline-form"]');
    await form.waitFor();
    // Why nobody can answer is said once, in the chat; the form has its own short heading and
    // starts with the customer's question (answered, but they still asked for a person).
    await frame.locator('[data-testid="message"][data-kind="offline"]').waitFor();
    expect(await frame.getByText(/available right now/).count()).toBe(1);
    expect(await form.getByTestId("offline-heading").innerText()).toBe("Leave us your e-mail");
    await frame.waitForFunction(() => (document.querySelector('[data-testid="offline-message"]') as HTMLTextAreaElement | null)?.value === "how much does shipping cost", undefined, { polling: 100 });
    const email = `visitor-${Date.now()}@example.com`;
    await form.getByLabel("Your e-mail").fill(email);
    // The customer may close the form to go on chatting with the bot: one line stays to open it
    // again, with what they typed; a new hand-off status opens it by itself.
    await form.getByRole("button", { name: "Close the e-mail form" }).click();
    await form.waitFor({ state: "detached" });
    const reopen = frame.getByTestId("offline-form-closed").getByRole("button", { name: "Leave us your e-mail" });
    expect(await reopen.evaluate((el) => el === document.activeElement)).toBe(true);
    await reopen.click();
    expect(await form.getByLabel("Your e-mail").inputValue()).toBe(email);
    await form.getByRole("button", { name: "Close the e-mail form" }).click();
    await form.waitFor({ state: "detached" });
    await frame.locator('[data-testid="header-handoff"]').click();
    await form.waitFor();
    expect(await frame.getByTestId("offline-form-closed").count()).toBe(0);
    expect(await form.getByLabel("Your e-mail").inputValue()).toBe(email);
    await form.getByLabel("Message").fill("Please call me back about my order.");
    await form.getByRole("button", { name: "Send message" }).click();
    await frame.locator('[data-testid="ticket-sent"]').waitFor();
    const ticket = await app.db.offlineTicket.findFirst({ where: { email } });
    expect(ticket?.message).toBe("Please call me back about my order.");
  });

  it("with nobody on duty, starts the e-mail form with the problem the customer wrote, not their request for a person", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo");
    const problem = "my order never arrived, it's been 10 days";
    await send(frame, problem);
    await frame.locator('[data-testid="message"][data-role="bot"]').first().waitFor();
    await send(frame, "can someone email me back about this?");
    const form = frame.locator('[data-testid="offline-form"]');
    await form.waitFor();
    await frame.waitForFunction((text) => (document.querySelector('[data-testid="offline-message"]') as HTMLTextAreaElement | null)?.value === text, problem, { polling: 100 });
    // Editable: what the customer types replaces the draft.
    const email = `draft-${Date.now()}@example.com`;
    await form.getByLabel("Your e-mail").fill(email);
    await form.getByLabel("Message").fill(`${problem}. Order 4411.`);
    await form.getByRole("button", { name: "Send message" }).click();
    await frame.locator('[data-testid="ticket-sent"]').waitFor();
    const ticket = await app.db.offlineTicket.findFirst({ where: { email } });
    expect(ticket?.message).toBe(`${problem}. Order 4411.`);
    expect(ticket?.conversationId).toBeTruthy();
  });

  it("delivers a message typed while offline exactly once when the network returns", async () => {
    const tenant = await seedTenant(app.db);
    const page = await context.newPage();
    const frame = await openChat(page, tenant.widgetKey);
    await context.setOffline(true);
    await frame.locator('[data-testid="reconnecting"]').waitFor();
    const text = `Typed on a train ${Date.now()}`;
    await send(frame, text);
    await frame.locator('[data-testid="message"][data-status="sending"]', { hasText: text }).waitFor();
    // Saved before any send attempt, in the site's own storage (third-party storage may be blocked).
    const outbox = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.endsWith(":outbox")).map(([, v]) => v).join(""));
    expect(await outbox()).toContain(text);

    await context.setOffline(false);
    await frame.locator('[data-testid="message"][data-status="sent"]', { hasText: text }).waitFor();
    await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
    const rows = await app.db.message.findMany({ where: { tenantId: tenant.tenantId, text } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.clientMessageId).toBeTruthy();
    expect(await frame.locator('[data-testid="message"]', { hasText: text }).count()).toBe(1);
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.endsWith(":outbox")));
  });

  it("shows message text literally, never as HTML", async () => {
    const tenant = await seedTenant(app.db);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const frame = await openChat(page, tenant.widgetKey);
    const payload = "<img src=x onerror=alert(1)>";
    await send(frame, payload);
    const bubble = frame.locator('[data-testid="message"][data-status="sent"]', { hasText: payload });
    await bubble.waitFor();
    expect(await bubble.innerText()).toBe(payload);
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("closes with Escape and gives focus back to the launcher", async () => {
    const tenant = await seedTenant(app.db);
    const page = await context.newPage();
    await page.goto(`${site.url}/?key=${tenant.widgetKey}`);
    await launcher(page).focus();
    await page.keyboard.press("Enter");
    const frame = await chatFrame(page);
    await frame.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await page.keyboard.press("Escape");
    await page.locator("#faqbot-widget iframe").waitFor({ state: "hidden" });
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.getElementById("faqbot-widget")?.shadowRoot?.activeElement?.tagName)).toBe("BUTTON");
  });
});

describe("widget languages and accessibility", () => {
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext({ locale: "en-US" });
  });
  afterEach(async () => context?.close());

  it("speaks French with data-lang=\"fr\": labels, greeting and the bot's own replies", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo", "&lang=fr");
    expect(await launcher(page).getAttribute("aria-label")).toBe("Fermer le chat");
    expect(await frame.locator('[data-testid="composer"]').getAttribute("placeholder")).toBe("Écrivez un message…");
    expect(await frame.locator("section[lang]").getAttribute("lang")).toBe("fr");
    await frame.getByText("Bonjour ! Comment pouvons-nous vous aider ?").waitFor();
    await frame.getByRole("button", { name: "Parler à une personne" }).first().waitFor();
    await send(frame, "bonjour");
    await frame.locator('[data-testid="message"][data-role="bot"]', { hasText: "Comment puis-je vous aider" }).waitFor();
  });

  it("labels the launcher in the conversation's language once the customer chats in another one", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo", "&page=en");
    expect(await launcher(page).getAttribute("aria-label")).toBe("Close chat");
    await send(frame, "¿cuánto cuesta el envío?");
    await frame.locator('[data-testid="message"][data-role="bot"]').first().waitFor();
    await frame.locator("section[lang=es]").waitFor();
    // The screen reader hears the reply with a Spanish label at once, not one message late.
    expect(await frame.getByTestId("live-region").innerText()).toMatch(/^Asistente: /);
    await page.waitForFunction(() => document.getElementById("faqbot-widget")?.shadowRoot?.querySelector("button.btn")?.getAttribute("aria-label") === "Cerrar chat", undefined, { polling: 100 });
    await page.keyboard.press("Escape");
    await page.locator("#faqbot-widget iframe").waitFor({ state: "hidden" });
    expect(await launcher(page).getAttribute("aria-label")).toBe("Abrir chat");
    expect(await launcher(page).getAttribute("title")).toBe("Abrir chat");
    // After a reload the launcher (page language English) switches again once the chat has synced.
    await page.reload();
    await page.waitForFunction(() => document.getElementById("faqbot-widget")?.shadowRoot?.querySelector("button.btn")?.getAttribute("aria-label") === "Abrir chat", undefined, { polling: 100 });
  });

  it("takes the page's own language when the snippet has no data-lang", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo", "&page=de-DE");
    expect(await frame.locator('[data-testid="composer"]').getAttribute("placeholder")).toBe("Nachricht schreiben…");
  });

  async function axeViolations(frame: Frame) {
    const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await frame.evaluate(source);
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; failureSummary?: string }> }> }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`) }));
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  }

  it("has no serious accessibility violations in the open widget (axe-core)", async () => {
    const page = await context.newPage();
    const frame = await openChat(page, "pk_demo");
    await send(frame, "do you ship for free?");
    await frame.locator('[data-testid="message"][data-role="bot"]').first().waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });

  it("keeps text readable on a light brand colour (the colour is darkened until white text reaches 4.5:1)", async () => {
    const tenant = await seedTenant(app.db, { settings: { color: "#ffeb3b" } });
    const page = await context.newPage();
    const frame = await openChat(page, tenant.widgetKey);
    expect(await axeViolations(frame)).toEqual([]);
  });
});

describe("widget look and proactive greeting", () => {
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext({ locale: "en-US" });
  });
  afterEach(async () => context?.close());

  it("greets after the set delay on matching pages only, and a dismissed greeting stays dismissed", async () => {
    const tenant = await seedTenant(app.db, {
      settings: { position: "left", launcherLabel: { en: "Questions? Chat with us" }, proactive: { enabled: true, delaySeconds: 1, pages: "/\n/pricing*", message: { en: "Need a hand choosing a plan?" } } },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/?key=${tenant.widgetKey}`);
    const bubble = page.locator("#faqbot-widget .greet");
    await bubble.waitFor({ timeout: 10_000 });
    expect(await bubble.innerText()).toContain("Need a hand choosing a plan?");
    // Position and label: bottom left, with the label beside the bubble.
    const box = await launcher(page).first().boundingBox();
    expect(box!.x).toBeLessThan(100);
    expect(await page.locator("#faqbot-widget .tag").innerText()).toBe("Questions? Chat with us");
    await page.locator("#faqbot-widget .greet .x").click();
    await bubble.waitFor({ state: "detached" });
    await page.reload();
    await launcher(page).first().waitFor();
    await page.waitForTimeout(2_000);
    expect(await bubble.count()).toBe(0);
    // Another visitor on a page the pattern does not match: no greeting.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${site.url}/checkout?key=${tenant.widgetKey}`);
    await launcher(other).first().waitFor();
    await other.waitForTimeout(2_000);
    expect(await other.locator("#faqbot-widget .greet").count()).toBe(0);
    await other.context().close();
  });
});

describe("widget on a site the tenant did not allow", () => {
  it("shows no chat, explains why in the console, and the frame refuses to be embedded", async () => {
    const tenant = await seedTenant(app.db, { origins: ["https://shop.example.com"] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const warning = page.waitForEvent("console", { predicate: (m) => m.type() === "warning" && m.text().includes("[chat widget]") });
    await page.goto(`${site.url}/?key=${tenant.widgetKey}`);
    expect((await warning).text()).toMatch(/not shown/);
    expect(await page.locator("#faqbot-widget").count()).toBe(0);

    const res = await fetch(`${app.server.url}/widget/frame?key=${tenant.widgetKey}`);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'self' https://shop.example.com");
    // Embedding the frame by hand does not get around the check: the browser blocks it.
    await page.setContent(`<iframe id="f" src="${app.server.url}/widget/frame?key=${tenant.widgetKey}&parent=${encodeURIComponent(site.url)}"></iframe>`);
    const blocked = await (await page.locator("#f").elementHandle())!.contentFrame();
    expect(blocked!.url()).not.toContain("/widget/frame"); // Chromium shows its error page instead
    await context.close();
  });
});

describe("widget on a phone", () => {
  it("opens full screen and still sends messages", async () => {
    const tenant = await seedTenant(app.db);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(`${site.url}/?key=${tenant.widgetKey}`);
    await launcher(page).tap();
    const frame = await chatFrame(page);
    const box = await page.locator("#faqbot-widget iframe").boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await send(frame, "Hello from my phone");
    await frame.locator('[data-testid="message"][data-status="sent"]', { hasText: "Hello from my phone" }).waitFor();
    await frame.getByRole("button", { name: "Close chat" }).tap();
    await page.locator("#faqbot-widget iframe").waitFor({ state: "hidden" });
    await launcher(page).waitFor();
    await context.close();
  });
});

// Human handoff end to end, in real Chromium with two browser contexts: a customer on a shop's
// website (another origin, only the widget snippet) asks something the FAQ does not cover and is
// told their place in line; an agent signed in to /agent sees them appear with the reason, claims
// them, and they talk live both ways (with a canned response and an internal note the customer
// never sees) while the bot stays silent; the agent resolves, the customer rates, and the
// database holds every message and the rating. Two consoles racing for one customer: the slower
// agent reads who won and the customer leaves their queue; presence is remembered. A customer who
// goes on chatting after the conversation ended is not asked for a rating any more.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { seedTenant, type SeededTenant } from "../support/seed";
import { addAgent, connectWidget, loginAgent, patchTenantSettings, phrasesDecidedAs, publishDemoModel, UNCOVERED } from "../integration/handoff/helpers";

let app: E2EApp;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let tenant: SeededTenant;

/** The shop's website on another origin (localhost vs the app's 127.0.0.1): just the snippet. */
async function startSite(appUrl: string, key: string) {
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="es"><head><title>Tienda</title></head><body><h1>Nuestra tienda</h1><script src="${appUrl}/widget.js" data-tenant="${key}" async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  app = await startE2EApp();
  tenant = await seedTenant(app.db, { name: "Tienda Handoff" });
  await publishDemoModel(app, tenant.tenantId);
  // This tenant queues questions the bot cannot answer at once (the default offers a button first).
  await patchTenantSettings(app.db, tenant.tenantId, { unknownToQueue: true });
  await app.db.cannedResponse.create({ data: { tenantId: tenant.tenantId, shortcut: "nostore", text: "We have no shop there yet, but we deliver in 2 days.", language: "en" } });
  browser = await launchBrowser();
  site = await startSite(app.server.url, tenant.widgetKey);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

async function openWidget(page: Page): Promise<Frame> {
  await page.goto(site.url);
  await page.locator("#faqbot-widget button").click();
  const handle = await page.locator("#faqbot-widget iframe").elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${app.server.url}/login?next=%2Fagent`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.server.url}/agent`);
  await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
}

describe("a customer handed to a person", () => {
  it("is queued, claimed, helped live without the bot, and rates the conversation", async () => {
    const agentContext = await browser.newContext();
    const customerContext = await browser.newContext({ locale: "es-ES" });
    try {
      // The agent is at their desk first (online by default), with an empty queue.
      const console_ = await agentContext.newPage();
      await signIn(console_, tenant.agent.email, tenant.agent.password);
      await console_.locator('[data-testid="queue-empty"]').waitFor();
      expect(await console_.locator('[data-testid="presence"]').getAttribute("data-presence")).toBe("online");

      // The customer asks something the FAQ does not cover.
      const shop = await customerContext.newPage();
      const chat = await openWidget(shop);
      const [question] = await phrasesDecidedAs(["handoff"], UNCOVERED.es);
      await chat.locator("textarea").fill(question!);
      await chat.locator("textarea").press("Enter");
      await chat.locator('[data-testid="message"][data-role="bot"]', { hasText: "No tengo una respuesta" }).waitFor();
      const status = chat.locator('[data-testid="handoff-status"][data-state="queued"]');
      await status.waitFor();
      expect(await status.innerText()).toMatch(/número 1/);
      await chat.locator('[data-testid="message"][data-role="system"][data-kind="handoff_queued"]', { hasText: "número 1" }).waitFor();

      // It appears in the agent's queue without a reload, with why and what was asked.
      const item = console_.locator('[data-testid="queue-item"]');
      await item.waitFor();
      expect(await item.locator('[data-testid="queue-reason"]').innerText()).toBe("Bot unsure");
      expect(await item.locator('[data-testid="queue-last-message"]').innerText()).toBe(question);
      expect(await item.locator('[data-testid="queue-language"]').innerText()).toBe("Spanish");
      await console_.waitForFunction(() => document.title.startsWith("(1)"));

      await item.locator('[data-testid="claim"]').click();
      const conversation = console_.locator('[data-testid="conversation"][data-status="assigned"]');
      await conversation.waitFor();
      await console_.locator('[data-testid="queue-empty"]').waitFor();
      // The bot's decision is shown next to its reply.
      expect(await conversation.locator('[data-testid="history-message"][data-role="bot"] [data-testid="bot-decision"]').innerText()).toMatch(/Had no answer.*confidence \d+%/s);
      await chat.locator('[data-testid="handoff-status"][data-state="assigned"]').waitFor();

      // Agent → customer, with a canned response picked by its shortcut.
      const composer = console_.locator('[data-testid="composer-input"]');
      await composer.fill("/nos");
      await console_.locator('[data-testid="canned-option"]', { hasText: "/nostore" }).waitFor();
      await composer.press("Tab");
      expect(await composer.inputValue()).toBe("We have no shop there yet, but we deliver in 2 days.");
      await composer.press("Enter");
      await chat.locator('[data-testid="message"][data-role="agent"]', { hasText: "We have no shop there yet" }).waitFor();

      // An internal note stays in the console.
      await console_.locator('[data-testid="mode-note"]').click();
      await composer.fill("VIP customer, offer free express");
      await composer.press("Enter");
      const note = conversation.locator('[data-testid="history-message"][data-role="note"]');
      await note.waitFor();
      expect(await note.textContent()).toContain("Internal note — not visible to the customer");
      await console_.locator('[data-testid="mode-reply"]').click();

      // Customer → agent, live, with the typing indicator first.
      await chat.locator("textarea").fill("Vale, ¿y el envío exprés cuánto cuesta?");
      await console_.locator('[data-testid="customer-typing"]').waitFor();
      await chat.locator("textarea").press("Enter");
      await conversation.locator('[data-testid="history-message"][data-role="customer"]', { hasText: "envío exprés" }).waitFor();
      await composer.fill("Express is 9.90 — <b>on us</b> today.");
      await composer.press("Enter");
      const literal = chat.locator('[data-testid="message"][data-role="agent"]', { hasText: "on us" });
      await literal.waitFor();
      expect(await literal.innerText()).toContain("Express is 9.90 — <b>on us</b> today.");

      // The agent resolves; the customer rates.
      await console_.locator('[data-testid="resolve"]').click();
      await console_.locator('[data-testid="conversation"][data-status="resolved"]').waitFor();
      const rating = chat.locator('[data-testid="rating"]');
      await rating.waitFor();
      // The prompt opens below the messages; the newest ones stay in view above it.
      await chat.waitForFunction(() => {
        const list = document.querySelector('[data-testid="message-list"]');
        const last = [...document.querySelectorAll('[data-testid="message"]')].at(-1);
        return list !== null && last !== undefined && last.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 1;
      }, undefined, { polling: 100 });
      await rating.getByRole("button", { name: /^4 (of|de) 5$/ }).click();
      await rating.locator("textarea").fill("Muy rápido");
      await rating.locator('button[type="submit"]').click();
      // The thank-you replaces the form once the server has stored the rating.
      await rating.waitFor({ state: "detached" });

      // What was stored.
      const conv = await app.db.conversation.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
      expect(await app.db.rating.findFirst({ where: { conversationId: conv.id } })).toMatchObject({ score: 4, comment: "Muy rápido" });
      expect(conv).toMatchObject({ status: "resolved", assignedAgentId: tenant.agent.id });
      const messages = await app.db.message.findMany({ where: { conversationId: conv.id }, orderBy: { seq: "asc" } });
      const roles = messages.map((m) => [m.role, (m.metadata as { kind?: string }).kind ?? null]);
      expect(roles).toEqual([
        ["customer", null],
        ["bot", null],
        ["system", "handoff_queued"],
        ["system", "handoff_assigned"],
        ["agent", null],
        ["note", null],
        ["customer", null],
        ["agent", null],
        ["system", "handoff_resolved"],
      ]);
      expect(messages.filter((m) => m.role === "agent").map((m) => m.text)).toEqual(["We have no shop there yet, but we deliver in 2 days.", "Express is 9.90 — <b>on us</b> today."]);
      expect(await app.db.handoff.findFirstOrThrow({ where: { conversationId: conv.id } })).toMatchObject({ reason: "model_handoff", status: "resolved", claimedById: tenant.agent.id });
      // The customer never saw the note.
      expect(await chat.locator("body").innerText()).not.toContain("VIP customer");
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  });
});

describe("two agents racing for one customer", () => {
  it("tells the slower agent and takes the customer out of their queue; presence is remembered", async () => {
    const second = await addAgent(app.db, tenant.tenantId, "Bea Second");
    const customer = await connectWidget(app.server.url, tenant.widgetKey);
    const first = await browser.newContext();
    const slow = await browser.newContext();
    try {
      // A console is open first: an agent whose console is closed is away for new customers.
      const a = await first.newPage();
      await signIn(a, tenant.agent.email, tenant.agent.password);
      await expect.poll(async () => (await app.db.user.findUniqueOrThrow({ where: { id: tenant.agent.id } })).presence, { timeout: 15_000 }).toBe("online");
      await customer.send("human please");
      await customer.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      const conversationId = await customer.conversationId();

      const b = await slow.newPage();
      // The slow console misses the live "queue changed" news, so it still offers the customer.
      await b.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((m) => {
          if (!(typeof m === "string" && m.includes('"queue:changed"'))) ws.send(m);
        });
      });
      await signIn(b, second.email, second.password);
      const itemA = a.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);
      const itemB = b.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);
      await itemA.waitFor();
      await itemB.waitFor();
      expect(await itemB.locator('[data-testid="queue-reason"]').innerText()).toBe("Asked for a person");

      await itemA.locator('[data-testid="claim"]').click();
      await a.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"][data-status="assigned"]`).waitFor();
      await itemB.locator('[data-testid="claim"]').click();
      const error = b.locator('[data-testid="console-error"]');
      await error.waitFor();
      expect(await error.innerText()).toContain("Another agent already took this conversation.");
      await itemB.waitFor({ state: "detached" });
      expect(await app.db.handoff.findFirst({ where: { conversationId } })).toMatchObject({ status: "claimed", claimedById: tenant.agent.id });

      // Presence: "Away" is stored, survives a reload and is what the server knows.
      await b.locator('[data-testid="presence-away"]').click();
      await b.locator('[data-testid="presence"][data-presence="away"]').waitFor();
      await b.reload();
      await b.locator('[data-testid="connection"][data-state="online"]').waitFor();
      expect(await b.locator('[data-testid="presence"]').getAttribute("data-presence")).toBe("away");
      const agents = await app.db.user.findUniqueOrThrow({ where: { id: second.id } });
      expect(agents.presence).toBe("away");
    } finally {
      customer.close();
      await first.close();
      await slow.close();
    }
  });
});

describe("a customer who goes on chatting after the agent resolved", () => {
  it("no longer sees the rating prompt once they write a new message", async () => {
    const agent = await loginAgent(app, tenant.agent);
    const customerContext = await browser.newContext({ locale: "es-ES" });
    try {
      const chat = await openWidget(await customerContext.newPage());
      const request = "Quiero hablar con una persona, por favor";
      await chat.locator("textarea").fill(request);
      await chat.locator("textarea").press("Enter");
      await chat.locator('[data-testid="handoff-status"][data-state="queued"]').waitFor();
      const { queue } = await agent.waitForQueue((r) => r.queue.some((q: { lastMessage: string | null }) => q.lastMessage === request));
      const { conversationId } = queue.find((q: { lastMessage: string | null }) => q.lastMessage === request);
      expect(await agent.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
      await chat.locator('[data-testid="handoff-status"][data-state="assigned"]').waitFor();
      expect(await agent.call("handoff:resolve", { conversationId })).toMatchObject({ ok: true });

      const rating = chat.locator('[data-testid="rating"]');
      await rating.waitFor();
      await chat.locator("textarea").fill("Otra cosa: ¿hacéis envíos a Canarias?");
      await chat.locator("textarea").press("Enter");
      await chat.locator('[data-testid="message"][data-role="customer"]', { hasText: "Canarias" }).waitFor();
      await rating.waitFor({ state: "detached" });
      expect(await app.db.rating.count({ where: { conversationId } })).toBe(0);
    } finally {
      agent.close();
      await customerContext.close();
    }
  });
});

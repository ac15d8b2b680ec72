// The platform as two businesses meet it, in real Chromium: each signs up at /signup and is guided
// by the overview's checklist (FAQ, train, publish, allow the website, copy the snippet, invite
// agents); each one's customers, on its own website, get its own bot and reach its own agents; each
// owner and agent sees only their workspace's conversations, queue, FAQ, models, analytics, API
// keys and audit log; and a person who works for both switches between them in the workspace menu
// and sees each one's data only. The tests are one story: later ones build on the earlier ones.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";

let app: E2EApp;
let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
let dir: string;

interface Business {
  name: string;
  owner: { name: string; email: string; password: string };
  agent: { name: string; email: string; password: string };
  faq: string;
  /** A question its FAQ answers, the words of that answer, and a question only its customer asks. */
  known: { question: string; answer: string };
  unique: string;
  apiKey: string;
  /** How many model versions it trains and customers it has (the other's differ, so the lists and figures differ). */
  trainings: number;
  customers: number;
  ctx: Record<"owner" | "agent" | "customer", BrowserContext>;
  tenantId: string;
  widgetKey: string;
}

const PASSWORD = "a-long-password-1";

const alpha: Business = {
  name: "Alpha Bikes",
  owner: { name: "Olivia Alpha", email: "olivia@alpha-bikes.test", password: PASSWORD },
  agent: { name: "Andy Alpha", email: "andy@alpha-bikes.test", password: PASSWORD },
  faq: [
    "question,answer,alternatives,category,language",
    "How do I fix a flat tyre?,Bring the bike in: we patch a flat tyre while you wait for 8 euros.,puncture | flat tire | my tyre is flat,Repairs,en",
    "Do you rent bikes?,Yes: city bikes are 15 euros a day and e-bikes 30 euros a day.,bike rental | can I hire a bike,Rental,en",
    "What are your opening hours?,The workshop is open Monday to Saturday from 9 to 19.,when are you open | hours,Shop,en",
    "Do you ship bikes abroad?,We ship bikes to any EU country for 60 euros.,international shipping | send a bike to France,Shipping,en",
  ].join("\n"),
  known: { question: "How do I fix a flat tyre?", answer: "patch a flat tyre while you wait" },
  unique: "Do you also straighten alpha carbon racing frames?",
  apiKey: "Alpha integration",
  trainings: 1,
  customers: 1,
  ctx: {} as Business["ctx"],
  tenantId: "",
  widgetKey: "",
};

const beta: Business = {
  name: "Beta Books",
  owner: { name: "Bruno Beta", email: "bruno@beta-books.test", password: PASSWORD },
  agent: { name: "Bea Beta", email: "bea@beta-books.test", password: PASSWORD },
  faq: [
    "question,answer,alternatives,category,language",
    "Can I reserve a book?,Reserve any book online and collect it within 5 days.,hold a book | book reservation,Orders,en",
    "Do you buy second-hand books?,We buy used books every Tuesday morning at the counter.,sell my old books | used books,Trade,en",
    "Is there a loyalty card?,Our reader card gives you 5 percent back on every purchase.,reward card | points,Loyalty,en",
    "Do you deliver books?,Books are delivered in 2 working days for 3 euros.,home delivery | shipping books,Delivery,en",
  ].join("\n"),
  known: { question: "Can I reserve a book?", answer: "collect it within 5 days" },
  unique: "Could you find a rare beta poetry first edition?",
  apiKey: "Beta integration",
  trainings: 2,
  customers: 2,
  ctx: {} as Business["ctx"],
  tenantId: "",
  widgetKey: "",
};

/** The person who works for both businesses (an agency). */
const person = { name: "Pat Both", email: "pat@agency.test", password: PASSWORD };
let personCtx: BrowserContext;

/** A shop's website on another origin (localhost vs the app's 127.0.0.1): only the snippet. */
async function startSite(appUrl: string) {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const key = new URL(req.url ?? "/", "http://x").searchParams.get("key") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Our shop</h1><script src="${appUrl}/widget.js" data-tenant="${key.replace(/[^\w-]/g, "")}" async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { origin: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  site = await startSite(app.server.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-e2e-ws-"));
  for (const b of [alpha, beta]) {
    for (const role of ["owner", "agent", "customer"] as const) b.ctx[role] = await browser.newContext();
    fs.writeFileSync(path.join(dir, `${b.name}.csv`), b.faq);
  }
  personCtx = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const url = (p: string) => `${app.server.url}${p}`;

async function page(ctx: BrowserContext): Promise<Page> {
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  p.removeAllListeners("dialog");
  p.on("dialog", (d) => void d.accept());
  return p;
}

async function checklist(p: Page): Promise<Record<string, boolean>> {
  await p.goto(url("/admin"));
  const steps = p.getByTestId("checklist-step");
  await steps.first().waitFor();
  const pairs = await steps.evaluateAll((els) => els.map((e) => [e.getAttribute("data-step"), e.getAttribute("data-done") === "true"] as const));
  return Object.fromEntries(pairs);
}

async function setUpFaqAndModel(p: Page, b: Business) {
  await p.goto(url("/admin/faq"));
  await p.getByTestId("faq-empty").waitFor();
  await p.getByTestId("faq-file").setInputFiles(path.join(dir, `${b.name}.csv`));
  await p.getByTestId("preview-ok").waitFor();
  await p.getByTestId("save-upload").click();
  await p.getByTestId("faq-saved").waitFor();
  await p.goto(url("/admin/training"));
  for (let n = 1; n <= b.trainings; n++) {
    await p.getByTestId("train").click();
    await p.locator(`[data-testid="model-version"][data-number="${n}"]`).waitFor();
  }
  await p.getByTestId("publish").first().click();
  await p.getByRole("dialog", { name: /^Publish model v\d+\?$/ }).getByTestId("confirm-dialog-confirm").click();
  await p.locator('[data-testid="model-version"][data-live="true"]').waitFor();
}

async function allowWebsite(p: Page, origin: string) {
  await p.goto(url("/admin/settings"));
  await p.getByTestId("no-origins").waitFor();
  await p.locator('textarea[name="allowedOrigins"]').fill(origin);
  await p.getByTestId("save-settings").click();
  await p.getByTestId("settings-message").filter({ hasText: "Settings saved." }).waitFor();
  expect(await p.getByTestId("no-origins").count()).toBe(0);
}

async function copySnippet(p: Page, b: Business) {
  await p.goto(url("/admin/widget"));
  const snippet = await p.getByTestId("widget-snippet").textContent();
  expect(snippet).toBe(`<script src="${app.server.url}/widget.js" data-tenant="${b.widgetKey}" async></script>`);
  const recorded = p.waitForResponse((r) => r.url().endsWith("/api/admin/onboarding") && r.request().method() === "POST");
  await p.getByTestId("copy-snippet").click();
  expect((await recorded).status()).toBe(200);
}

/** The owner invites someone on the Team page; returns the link shown. */
async function invite(p: Page, who: { name: string; email: string }, role: "agent" | "admin"): Promise<string> {
  await p.goto(url("/admin/team"));
  const form = p.getByTestId("invite-form");
  await form.locator('input[name="name"]').fill(who.name);
  await form.locator('input[name="email"]').fill(who.email);
  await form.locator('select[name="role"]').selectOption(role);
  await form.locator('button[type="submit"]').click();
  const link = (await p.getByTestId("invitation-url").textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${app.server.url}/invite/[\\w-]+$`));
  return link;
}

async function acceptWithPassword(p: Page, link: string, who: { name: string; password: string }, landing: RegExp) {
  await p.goto(link);
  await p.getByTestId("accept-invitation-form").waitFor();
  await p.getByLabel("Your name").fill(who.name);
  await p.getByLabel("Password").fill(who.password);
  await p.getByRole("button", { name: /^Join / }).click();
  await p.waitForURL((u) => landing.test(u.pathname));
}

async function openChat(p: Page, b: Business): Promise<Frame> {
  await p.goto(`${site.origin}/?key=${b.widgetKey}`);
  await p.locator("#faqbot-widget button").click();
  const handle = await p.locator("#faqbot-widget iframe").elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

async function ask(frame: Frame, text: string) {
  await frame.locator('[data-testid="composer"]').fill(text);
  await frame.locator('[data-testid="composer"]').press("Enter");
}

async function agentConsole(p: Page) {
  await p.goto(url("/agent"));
  await p.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return p;
}

async function text(p: Page, pathname: string, ready?: string): Promise<string> {
  await p.goto(url(pathname));
  if (ready) await p.locator(ready).first().waitFor();
  await p.waitForLoadState("networkidle");
  return (await p.locator("main").textContent()) ?? "";
}

/** What a console user sees of one workspace, page by page. */
async function seenData(p: Page, own: Business) {
  const faq = await text(p, "/admin/faq", '[data-testid="faq-entry"]');
  const models = await p.goto(url("/admin/training")).then(() => p.locator('[data-testid="model-version"]').first().waitFor()).then(() => p.locator('[data-testid="model-version"]').count());
  const analytics = await text(p, "/admin/analytics", '[data-testid="analytics"][data-ready="true"]');
  const analyticsConversations = Number(await p.getByTestId("metric-conversations").getAttribute("data-value"));
  const apiKeys = await text(p, "/admin/api-keys", '[data-testid="api-keys"][data-ready="true"]');
  const audit = await text(p, "/admin/audit", '[data-testid="audit-row"]');
  const conversations = ((await (await p.request.get(url("/api/conversations"))).json()) as { conversations: { id: string }[] }).conversations.map((c) => c.id);
  const console_ = await agentConsole(p);
  // The queue arrives over the socket after the console connects: wait for this workspace's customer.
  await console_.locator('[data-testid="queue-item"]', { hasText: own.unique }).waitFor();
  const queue = await console_.locator('[data-testid="queue-item"]').allTextContents();
  return { faq, models, analytics, analyticsConversations, apiKeys, audit, conversations, queue: queue.join("\n") };
}

async function expectOnly(p: Page, own: Business, other: Business) {
  const seen = await seenData(p, own);
  expect(seen.faq).toContain(own.known.question);
  expect(seen.faq).not.toContain(other.known.question);
  expect(seen.models).toBe(own.trainings);
  expect(seen.analyticsConversations).toBe(own.customers);
  expect(seen.analytics).not.toContain(other.unique);
  expect(seen.apiKeys).toContain(own.apiKey);
  expect(seen.apiKeys).not.toContain(other.apiKey);
  expect(seen.audit).toContain(own.apiKey);
  for (const foreign of [other.apiKey, other.owner.name, other.agent.email, other.name]) expect(seen.audit).not.toContain(foreign);
  const ownConversations = (await app.db.conversation.findMany({ where: { tenantId: own.tenantId }, select: { id: true } })).map((c) => c.id);
  expect(seen.conversations.length).toBeGreaterThan(0);
  expect(seen.conversations.every((id) => ownConversations.includes(id))).toBe(true);
  expect(seen.queue).toContain(own.unique);
  expect(seen.queue).not.toContain(other.unique);
}

describe("two businesses on one server", () => {
  it("each signs up at /signup and follows the first-run checklist to a published bot on its own website", async () => {
    for (const b of [alpha, beta]) {
      const p = await page(b.ctx.owner);
      await p.goto(url("/signup"));
      await p.getByLabel("Business name").fill(b.name);
      await p.getByLabel("Your name").fill(b.owner.name);
      await p.getByLabel("E-mail").fill(b.owner.email);
      await p.getByLabel("Password").fill(b.owner.password);
      await p.getByRole("button", { name: "Create workspace" }).click();
      await p.waitForURL((u) => u.pathname === "/admin");
      await p.getByTestId("onboarding-checklist").waitFor();
      expect(await p.getByTestId("current-workspace").textContent()).toBe(b.name);
      const tenant = await app.db.tenant.findFirstOrThrow({ where: { name: b.name } });
      Object.assign(b, { tenantId: tenant.id, widgetKey: tenant.widgetKey });
      expect(tenant.allowedOrigins).toEqual([]);
      expect(Object.values(await checklist(p))).toEqual([false, false, false, false, false, false]);

      // The widget page says the chat appears nowhere until the website is allowed.
      await p.goto(url("/admin/widget"));
      await p.getByTestId("widget-no-origins").waitFor();

      await setUpFaqAndModel(p, b);
      await allowWebsite(p, site.origin);
      await copySnippet(p, b);
      expect(await checklist(p)).toEqual({ faq: true, train: true, publish: true, site: true, snippet: true, invite: false });
    }
  });

  it("each invites its agent by link, and a person who works for both joins each with one account", async () => {
    for (const b of [alpha, beta]) {
      const owner = await page(b.ctx.owner);
      const link = await invite(owner, b.agent, "agent");
      await acceptWithPassword(await page(b.ctx.agent), link, b.agent, /^\/agent$/);
      // The checklist is complete: the overview shows the next step instead.
      await owner.goto(url("/admin"));
      await owner.getByText("Next step").waitFor();
      expect(await owner.getByTestId("onboarding-checklist").count()).toBe(0);
    }
    // Pat: invited by Alpha (creates the account), then by Beta (joins with it, already signed in).
    const pat = await page(personCtx);
    await acceptWithPassword(pat, await invite(await page(alpha.ctx.owner), person, "admin"), person, /^\/admin$/);
    expect(await pat.getByTestId("current-workspace").textContent()).toBe(alpha.name);
    const betaLink = await invite(await page(beta.ctx.owner), person, "admin");
    await pat.goto(betaLink);
    await pat.getByRole("button", { name: `Join ${beta.name}` }).click();
    await pat.waitForURL((u) => u.pathname === "/admin");
    expect(await pat.getByTestId("current-workspace").textContent()).toBe(beta.name);
    expect(await app.db.account.count({ where: { email: person.email } })).toBe(1);
    expect(await app.db.user.count({ where: { email: person.email } })).toBe(2);
  });

  it("sends each business's customers to its own bot and its own agents", async () => {
    for (const b of [alpha, beta]) await agentConsole(await page(b.ctx.agent));
    for (const b of [alpha, beta]) {
      const chat = await openChat(await page(b.ctx.customer), b);
      await ask(chat, b.known.question);
      await chat.locator('[data-testid="message"][data-role="bot"]', { hasText: b.known.answer }).waitFor();
      await ask(chat, b.unique);
      await chat.locator('[data-testid="message"][data-role="customer"]', { hasText: b.unique }).waitFor();
      await chat.locator('[data-testid="header-handoff"]').click();
      await chat.locator('[data-testid="handoff-status"][data-state="queued"]').waitFor();
      // It reaches this business's agent, live.
      await (await page(b.ctx.agent)).locator('[data-testid="queue-item"]', { hasText: b.unique }).waitFor();
      // More customers, who only ask what the FAQ answers.
      for (let i = 1; i < b.customers; i++) {
        const more = await openChat(await (await browser.newContext()).newPage(), b);
        await ask(more, b.known.question);
        await more.locator('[data-testid="message"][data-role="bot"]', { hasText: b.known.answer }).waitFor();
      }
    }
    for (const [b, other] of [
      [alpha, beta],
      [beta, alpha],
    ] as const) {
      const queue = await (await page(b.ctx.agent)).locator('[data-testid="queue-item"]').allTextContents();
      expect(queue.join("\n")).toContain(b.unique);
      expect(queue.join("\n")).not.toContain(other.unique);
    }
    // Each owner creates an API key (it appears in their audit log).
    for (const b of [alpha, beta]) {
      const p = await page(b.ctx.owner);
      await p.goto(url("/admin/api-keys"));
      await p.locator('[data-testid="api-keys"][data-ready="true"]').waitFor();
      const form = p.getByTestId("create-api-key");
      await form.locator('input[name="name"]').fill(b.apiKey);
      await form.locator('input[name="scope"]').first().check();
      await form.locator('button[type="submit"]').click();
      await p.getByTestId("new-api-key-value").waitFor();
    }
  });

  it("shows each owner and agent only their own conversations, queue, FAQ, models, analytics, API keys and audit log", async () => {
    await expectOnly(await page(alpha.ctx.owner), alpha, beta);
    await expectOnly(await page(beta.ctx.owner), beta, alpha);
    for (const [b, other] of [
      [alpha, beta],
      [beta, alpha],
    ] as const) {
      const p = await agentConsole(await page(b.ctx.agent));
      await p.locator('[data-testid="queue-item"]', { hasText: b.unique }).waitFor();
      expect((await p.locator('[data-testid="queue-item"]').allTextContents()).join("\n")).not.toContain(other.unique);
      const conversations = ((await (await p.request.get(url("/api/conversations"))).json()) as { conversations: { id: string }[] }).conversations.map((c) => c.id);
      const others = (await app.db.conversation.findMany({ where: { tenantId: other.tenantId }, select: { id: true } })).map((c) => c.id);
      expect(conversations.length).toBeGreaterThan(0);
      expect(conversations.filter((id) => others.includes(id))).toEqual([]);
      // Agents do not get into the admin console at all.
      await p.goto(url("/admin/faq"));
      await p.waitForURL(/\/login\?/);
    }
  });

  it("lets the person in both workspaces switch between them, seeing each one's data only", async () => {
    const pat = await page(personCtx);
    await pat.goto(url("/admin"));
    expect(await pat.getByTestId("current-workspace").textContent()).toBe(beta.name);
    await expectOnly(pat, beta, alpha);

    for (const [to, from] of [
      [alpha, beta],
      [beta, alpha],
    ] as const) {
      await pat.goto(url("/admin"));
      await pat.getByTestId("workspace-switcher").click();
      const options = await pat.getByTestId("workspace-option").evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
      expect(options).toEqual([alpha.name, beta.name]);
      // Another tab still shows the workspace Pat is leaving.
      const stale = await personCtx.newPage();
      await stale.goto(url("/admin/api-keys"));
      await stale.locator('[data-testid="api-keys"][data-ready="true"]').waitFor();
      await pat.locator(`[data-testid="workspace-option"][data-name="${to.name}"]`).click();
      await pat.waitForURL((u) => u.pathname === "/admin");
      await pat.getByTestId("current-workspace").filter({ hasText: to.name }).waitFor();
      // What that tab does is refused, not applied to the workspace Pat switched to.
      const form = stale.getByTestId("create-api-key");
      await form.locator('input[name="name"]').fill("From a stale tab");
      await form.locator('input[name="scope"]').first().check();
      await form.locator('button[type="submit"]').click();
      await stale.getByText("You switched to another workspace in another tab").waitFor();
      expect(await app.db.apiKey.count({ where: { name: "From a stale tab" } })).toBe(0);
      await stale.close();
      await expectOnly(pat, to, from);
    }
  });
});

// The agent inbox, end to end on the database E2E_DATABASE names (SQLite or PostgreSQL), in real
// Chromium: teams and routing (a Spanish customer reaches the "Spanish" team's queue and no other
// team's agent sees or can take them; the rest go to the default team), full-text search over old
// conversations (scoped to the workspace, with precise validation errors), the customer's earlier
// conversations in the context panel, a first-response SLA breach in the queue and in analytics,
// and the console's keyboard shortcuts with their help overlay, used without the mouse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import type { Browser, Page } from "playwright-core";
import type { Db } from "@/lib/db";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { loginCookie, seedTenant, type SeededTenant } from "../support/seed";
import { addAgent, connectWidget, loginAgent, PAGE_ORIGIN, WidgetClient, type AgentClient } from "../integration/handoff/helpers";

let app: E2EApp;
let browser: Browser;
let t: SeededTenant;
let other: SeededTenant;
let bea: { id: string; email: string; password: string; name: string };
let adminCookie: string;
let general: { id: string };
let spanish: { id: string };
const customers: WidgetClient[] = [];

const MINUTE = 60_000;

/** A customer whose browser speaks `language` (the conversation's language until detected otherwise). */
async function widgetIn(language: string): Promise<WidgetClient> {
  const socket = connect(`${app.server.url}/widget`, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { key: t.widgetKey, language }, extraHeaders: { origin: PAGE_ORIGIN } });
  const client = new WidgetClient(socket);
  const session = client.waitFor<{ visitorToken: string }>("session");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  client.visitorToken = (await session).visitorToken;
  customers.push(client);
  return client;
}

async function adminApi(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${app.server.url}${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { cookie: init.cookie ?? adminCookie, origin: app.server.url, ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** A conversation stored `daysAgo` days ago with the customer's `texts` (as an old chat would be). */
async function oldConversation(db: Db, tenantId: string, visitorId: string, daysAgo: number, texts: string[], status = "resolved") {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const c = await db.conversation.create({ data: { tenantId, visitorId, status, createdAt: at, updatedAt: at, resolvedAt: status === "resolved" ? at : null } });
  let seq = 0;
  for (const text of texts) {
    await db.message.create({ data: { tenantId, conversationId: c.id, seq: ++seq, role: "customer", text, createdAt: new Date(at.getTime() + seq * 1000) } });
    await db.message.create({ data: { tenantId, conversationId: c.id, seq: ++seq, role: "bot", text: "Let me check that for you.", createdAt: new Date(at.getTime() + seq * 1000) } });
  }
  await db.conversation.update({ where: { id: c.id }, data: { lastSeq: seq } });
  return c;
}

async function signIn(page: Page, who: { email: string; password: string }, next: string) {
  await page.goto(`${app.server.url}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.server.url}${next}`);
}

async function openConsole(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who, "/agent");
  await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
  await page.locator('[data-testid="presence"][data-presence="online"]').waitFor();
  return page;
}

const queueItem = (page: Page, conversationId: string) => page.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  t = await seedTenant(app.db, { name: "Inbox Shop" });
  other = await seedTenant(app.db, { name: "Other Shop" });
  bea = await addAgent(app.db, t.tenantId, "Bea Spanish");
  adminCookie = await loginCookie(app.server.url, t.admin.email, t.admin.password);
  // The first team becomes the default one; it has a 5-minute first-response target.
  const g = await adminApi("/api/admin/teams", { body: { name: "General", memberIds: [t.agent.id], firstResponseMinutes: 5 } });
  expect(g.status).toBe(201);
  general = g.body.team;
  const s = await adminApi("/api/admin/teams", { body: { name: "Spanish", languages: ["es"], memberIds: [bea.id] } });
  expect(s.status).toBe(201);
  spanish = s.body.team;
});

afterAll(async () => {
  for (const c of customers) c.close();
  await browser?.close();
  await app?.close();
});

describe("teams and routing", () => {
  it("refuses invalid teams with precise messages, and the admin page shows and adds teams", async () => {
    const zero = await adminApi("/api/admin/teams", { body: { name: "Billing", firstResponseMinutes: 0 } });
    expect(zero.status).toBe(422);
    expect(zero.body.error.details).toEqual([{ path: "firstResponseMinutes", message: "The first-response target must be at least 1 minute." }]);
    const lang = await adminApi("/api/admin/teams", { body: { name: "Billing", languages: ["Spanish!"] } });
    expect(lang.status).toBe(422);
    expect(lang.body.error.details[0]).toEqual({ path: "languages.0", message: "Use language codes like “es” or “pt-br”." });
    expect((await adminApi("/api/admin/teams", { body: { name: "Spanish" } })).status).toBe(409);
    // Another workspace's agent cannot be made a member.
    const foreign = await adminApi("/api/admin/teams", { body: { name: "Billing", memberIds: [other.agent.id] } });
    expect(foreign.status).toBe(422);
    // The default team cannot be deleted while others exist.
    const del = await adminApi(`/api/admin/teams/${general.id}`, { method: "DELETE" });
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain("make another team the default");

    const page = await (await browser.newContext()).newPage();
    await signIn(page, t.admin, "/admin/teams");
    await page.locator('[data-testid="team"][data-team-name="Spanish"]').waitFor();
    expect(await page.locator('[data-testid="team"][data-team-name="Spanish"] [data-testid="team-rules"]').innerText()).toContain("languages: es");
    expect(await page.locator('[data-testid="team"][data-team-name="General"]').innerText()).toContain("default");
    const form = page.getByTestId("team-form");
    await form.locator('input[name="name"]').fill("Billing");
    await form.locator('input[name="categories"]').fill("Billing, Refunds");
    await form.getByRole("button", { name: "Add team" }).click();
    await page.locator('[data-testid="team"][data-team-name="Billing"]').waitFor();
    expect(await page.locator('[data-testid="team"][data-team-name="Billing"] [data-testid="team-rules"]').innerText()).toContain("categories: Billing, Refunds");
    // A bad target in the form shows the server's message.
    await form.locator('input[name="name"]').fill("Night shift");
    await form.locator('input[name="firstResponseMinutes"]').evaluate((el: HTMLInputElement) => {
      el.min = "";
      el.value = "0";
    });
    await form.getByRole("button", { name: "Add team" }).click();
    expect(await page.getByTestId("teams-error").innerText()).toContain("at least 1 minute");
    await page.context().close();
  });

  it("routes a Spanish hand-off to the Spanish team's queue, never shown to or taken by another team's agent", async () => {
    const ana = await openConsole(t.agent); // General
    const beaPage = await openConsole(bea); // Spanish
    try {
      expect(await ana.getByTestId("queue-teams").innerText()).toBe("Your teams: General");
      expect(await beaPage.getByTestId("queue-teams").innerText()).toBe("Your teams: Spanish");

      const maria = await widgetIn("es");
      await maria.send("Quiero hablar con una persona, por favor");
      await maria.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      const mariaConv = await maria.conversationId();
      const john = await widgetIn("en");
      await john.send("my parcel hasnt arrived, order 4471");
      await john.waitFor("bot:done");
      await john.send("human please");
      await john.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      const johnConv = await john.conversationId();

      // Stored with their teams.
      expect(await app.db.handoff.findFirstOrThrow({ where: { conversationId: mariaConv } })).toMatchObject({ teamId: spanish.id, firstResponseDueAt: null });
      const johnHandoff = await app.db.handoff.findFirstOrThrow({ where: { conversationId: johnConv } });
      expect(johnHandoff.teamId).toBe(general.id);
      expect(johnHandoff.firstResponseDueAt!.getTime() - johnHandoff.queuedAt.getTime()).toBe(5 * MINUTE);

      // Bea sees María (Spanish team) and not John; Ana the other way round.
      await queueItem(beaPage, mariaConv).waitFor();
      expect(await queueItem(beaPage, mariaConv).getByTestId("queue-team").innerText()).toBe("Spanish");
      expect(await queueItem(beaPage, mariaConv).getByTestId("queue-language").innerText()).toBe("Spanish");
      await queueItem(ana, johnConv).waitFor();
      expect(await queueItem(ana, johnConv).getByTestId("queue-team").innerText()).toBe("General");
      // The card previews John's problem, not his request for a person (the reason says that).
      expect(await queueItem(ana, johnConv).getByTestId("queue-last-message").innerText()).toBe("my parcel hasnt arrived, order 4471");
      expect(await queueItem(ana, mariaConv).count()).toBe(0);
      expect(await queueItem(beaPage, johnConv).count()).toBe(0);
      expect(await ana.getByTestId("queue-count").innerText()).toBe("1");

      // Nor can Ana take María over the socket; an admin sees every queue.
      const anaSocket: AgentClient = await loginAgent(app, t.agent);
      const admin: AgentClient = await loginAgent(app, t.admin);
      try {
        expect((await anaSocket.queue()).queue.map((q: { conversationId: string }) => q.conversationId)).toEqual([johnConv]);
        const refused = await anaSocket.call("handoff:claim", { conversationId: mariaConv });
        expect(refused.error).toMatchObject({ code: "forbidden", message: "This customer is waiting for the Spanish team." });
        const all = (await admin.queue()).queue.map((q: { conversationId: string }) => q.conversationId).sort();
        expect(all).toEqual([johnConv, mariaConv].sort());
      } finally {
        anaSocket.close();
        admin.close();
      }

      // Bea claims María; María's place in line was counted in her team's queue.
      await queueItem(beaPage, mariaConv).getByTestId("claim").click();
      await beaPage.locator(`[data-testid="conversation"][data-conversation-id="${mariaConv}"][data-status="assigned"]`).waitFor();
      expect(await app.db.handoff.findFirstOrThrow({ where: { conversationId: mariaConv } })).toMatchObject({ status: "claimed", claimedById: bea.id });
    } finally {
      await ana.context().close();
      await beaPage.context().close();
    }
  });
});

describe("customer history in the context panel", () => {
  it("lists the customer's earlier conversations (same visitor, or the same e-mail) and opens one", async () => {
    const page = await openConsole(t.agent);
    const customer = await widgetIn("en");
    await customer.send("human please");
    await customer.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
    const current = await customer.conversationId();
    const { visitorId } = await app.db.conversation.findUniqueOrThrow({ where: { id: current } });
    await app.db.visitor.update({ where: { id: visitorId }, data: { email: "Laura@Example.com" } });
    const earlier = await oldConversation(app.db, t.tenantId, visitorId, 12, ["Where is my order 1234? It has not arrived."]);
    // The same person on another device, known by the e-mail address they left.
    const phone = await app.db.visitor.create({ data: { tenantId: t.tenantId, email: "laura@example.com" } });
    const byEmail = await oldConversation(app.db, t.tenantId, phone.id, 30, ["Can I change the delivery address?"]);
    // Another workspace's visitor with the same address is never listed.
    const stranger = await app.db.visitor.create({ data: { tenantId: other.tenantId, email: "laura@example.com" } });
    await oldConversation(app.db, other.tenantId, stranger.id, 5, ["Other shop question"]);

    try {
      await queueItem(page, current).getByRole("button", { name: "Read the conversation" }).click();
      const panel = page.getByTestId("context-panel");
      await panel.getByTestId("customer-history").waitFor();
      // The reason is said once: the trigger ("asked for a person") only repeats it.
      expect(await panel.getByTestId("context-reason").innerText()).toBe("Asked for a person");
      expect(await panel.getByTestId("context-trigger").count()).toBe(0);
      const items = panel.getByTestId("customer-history-item");
      expect(await items.count()).toBe(2);
      expect(await items.nth(0).getAttribute("data-conversation-id")).toBe(earlier.id);
      expect(await items.nth(0).getAttribute("data-matched-by")).toBe("visitor");
      expect(await items.nth(0).innerText()).toContain("Where is my order 1234?");
      expect(await items.nth(1).getAttribute("data-conversation-id")).toBe(byEmail.id);
      expect(await items.nth(1).innerText()).toContain("same e-mail");
      expect(await panel.getByTestId("context-team").innerText()).toBe("Team: General");

      await items.nth(0).click();
      const view = page.locator(`[data-testid="conversation"][data-conversation-id="${earlier.id}"]`);
      await view.waitFor();
      expect(await view.getAttribute("data-status")).toBe("resolved");
      await view.locator('[data-testid="history-message"][data-role="customer"]', { hasText: "order 1234" }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});

describe("offline messages", () => {
  it("link to the chat they were left from, here and from another tab", async () => {
    const page = await openConsole(t.agent);
    const customer = await widgetIn("en");
    const problem = `My parcel arrived damaged, the box was crushed ${Date.now()}`;
    await customer.send(problem);
    const conversationId = await customer.conversationId();
    const res = await customer.call("offline:ticket", { email: "dan@example.com", message: problem });
    expect(res).toMatchObject({ ok: true });
    try {
      const card = page.getByTestId("ticket").filter({ hasText: problem });
      const link = card.getByTestId("ticket-conversation");
      await link.waitFor();
      expect(await link.getAttribute("href")).toBe(`/agent?conversation=${conversationId}`);
      await link.click();
      const view = page.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"]`);
      await view.locator('[data-testid="history-message"][data-role="customer"]', { hasText: problem }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/agent");
      // The same link opened on its own (a new tab, a bookmark) opens that conversation too.
      await page.goto(`${app.server.url}${await link.getAttribute("href")}`);
      await view.locator('[data-testid="history-message"][data-role="customer"]', { hasText: problem }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});

describe("full-text search", () => {
  it("finds an old conversation by a word in it, only in the agent's workspace, with filters and precise errors", async () => {
    const visitor = await app.db.visitor.create({ data: { tenantId: t.tenantId } });
    const old = await oldConversation(app.db, t.tenantId, visitor.id, 45, ["The blender I bought arrived with a cracked jug", "Can you send a replacement for the Turbomix jug?"]);
    await app.db.rating.create({ data: { tenantId: t.tenantId, conversationId: old.id, score: 2 } });
    const otherVisitor = await app.db.visitor.create({ data: { tenantId: other.tenantId } });
    await oldConversation(app.db, other.tenantId, otherVisitor.id, 3, ["My Turbomix is broken too"]);

    const page = await openConsole(t.agent);
    try {
      const input = page.getByTestId("search-input");
      await input.waitFor();
      await page.keyboard.press("/");
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      /** Searches from the console and waits for the server's answer (shown next). */
      const find = async (q: string) => {
        await input.fill(q);
        const answered = page.waitForResponse((r) => r.url().includes("/api/conversations/search"));
        await input.press("Enter");
        return (await answered).json();
      };
      await find("TURBOMIX");
      const results = page.getByTestId("search-result");
      await results.first().waitFor();
      expect(await results.count()).toBe(1);
      expect(await results.first().getAttribute("data-conversation-id")).toBe(old.id);
      expect(await results.first().getByTestId("search-snippet").innerText()).toContain("Turbomix jug");
      await results.first().click();
      const view = page.locator(`[data-testid="conversation"][data-conversation-id="${old.id}"]`);
      await view.waitFor();
      await view.locator('[data-testid="history-message"][data-role="customer"]', { hasText: "cracked jug" }).waitFor();

      // Several words must all appear in one message; a prefix matches the whole word.
      expect((await find("cracked blend")).results.map((r: { conversationId: string }) => r.conversationId)).toEqual([old.id]);
      await page.locator(`[data-testid="search-result"][data-conversation-id="${old.id}"]`).waitFor();
      expect((await find("cracked replacement")).results).toEqual([]);
      await page.getByTestId("search-empty").waitFor();
      // A filter that excludes it.
      await page.getByText("Filters").click();
      await page.getByTestId("search-status").selectOption("open");
      expect((await find("turbomix")).results).toEqual([]);
      await page.getByTestId("search-empty").waitFor();
      // Nothing to search for.
      await page.getByTestId("search-status").selectOption("");
      await find("!!");
      expect(await page.getByTestId("search-error").innerText()).toBe("Type at least one word of two or more letters or digits.");
    } finally {
      await page.context().close();
    }

    // The API: messages written by the live chat are indexed too; filters and errors.
    const cookie = await loginCookie(app.server.url, t.agent.email, t.agent.password);
    const search = async (qs: string) => {
      const res = await fetch(`${app.server.url}/api/conversations/search?${qs}`, { headers: { cookie } });
      return { status: res.status, body: await res.json() };
    };
    const live = await search("q=persona");
    expect(live.status).toBe(200);
    const maria = await app.db.message.findFirstOrThrow({ where: { tenantId: t.tenantId, text: { contains: "Quiero hablar" } } });
    expect(live.body.results.map((r: { conversationId: string }) => r.conversationId)).toEqual([maria.conversationId]);
    expect(live.body.results[0]).toMatchObject({ team: { id: spanish.id, name: "Spanish" }, agentName: bea.name });
    expect((await search(`q=turbomix&rating=2&teamId=${spanish.id}`)).body.results).toEqual([]);
    expect((await search("q=turbomix&rating=2&status=resolved")).body.results.map((r: { conversationId: string }) => r.conversationId)).toEqual([old.id]);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    expect((await search(`q=turbomix&from=${day(50)}&to=${day(40)}`)).body.results).toHaveLength(1);
    expect((await search(`q=turbomix&from=${day(30)}`)).body.results).toHaveLength(0);
    const bad = await search("q=turbomix&rating=9&from=2026-13-01");
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([
        { path: "rating", message: "Rating must be from 1 to 5." },
        { path: "from", message: "Use a date like 2026-03-01." },
      ]),
    );
    expect((await fetch(`${app.server.url}/api/conversations/search?q=turbomix`)).status).toBe(401);
  });
});

describe("first-response SLA", () => {
  it("shows a breach in the queue and counts it in analytics (overall and for the team)", async () => {
    // A workspace of its own, so its analytics hold only what this test makes.
    const w = await seedTenant(app.db, { name: "SLA Shop" });
    const cookie = await loginCookie(app.server.url, w.admin.email, w.admin.password);
    const support = (await adminApi("/api/admin/teams", { cookie, body: { name: "Support", memberIds: [w.agent.id], firstResponseMinutes: 5 } })).body.team;
    const vip = (await adminApi("/api/admin/teams", { cookie, body: { name: "VIP", languages: ["de"], firstResponseMinutes: 1 } })).body.team;
    // A customer queued for Support 9 minutes ago: its 5-minute target passed 4 minutes ago.
    const visitor = await app.db.visitor.create({ data: { tenantId: w.tenantId, language: "en" } });
    const late = await oldConversation(app.db, w.tenantId, visitor.id, 0, ["Is anyone there? I have been waiting"], "queued");
    const queuedAt = new Date(Date.now() - 9 * MINUTE);
    await app.db.handoff.create({ data: { tenantId: w.tenantId, conversationId: late.id, reason: "customer_request", priority: 0, status: "queued", teamId: support.id, queuedAt, firstResponseDueAt: new Date(queuedAt.getTime() + 5 * MINUTE) } });
    // One answered in time (not a breach), for the VIP team.
    const v2 = await app.db.visitor.create({ data: { tenantId: w.tenantId } });
    const quick = await oldConversation(app.db, w.tenantId, v2.id, 0, ["Hallo"], "resolved");
    const q2 = new Date(Date.now() - 30 * MINUTE);
    await app.db.handoff.create({ data: { tenantId: w.tenantId, conversationId: quick.id, reason: "customer_request", status: "resolved", teamId: vip.id, queuedAt: q2, claimedAt: new Date(q2.getTime() + 10_000), claimedById: w.agent.id, firstResponseAt: new Date(q2.getTime() + 20_000), resolvedAt: new Date(q2.getTime() + 5 * MINUTE), firstResponseDueAt: new Date(q2.getTime() + MINUTE) } });
    // And a customer who arrives now, routed live to Support with the full 5 minutes ahead.
    const customer = await connectWidget(app.server.url, w.widgetKey);
    customers.push(customer);

    const page = await openConsole(w.agent);
    try {
      await customer.send("human please");
      await customer.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      const fresh = await customer.conversationId();
      const sla = queueItem(page, late.id).getByTestId("queue-sla");
      await sla.waitFor();
      expect(await sla.getAttribute("data-breached")).toBe("true");
      expect(await sla.innerText()).toMatch(/^SLA breached 4 min \d\d s ago$/);
      const freshSla = queueItem(page, fresh).getByTestId("queue-sla");
      await freshSla.waitFor();
      expect(await freshSla.getAttribute("data-breached")).toBe("false");
      expect(await freshSla.innerText()).toMatch(/^SLA: (4 min \d\d|5 min 00) s left$/);
    } finally {
      await page.context().close();
    }

    const admin = await (await browser.newContext()).newPage();
    try {
      await signIn(admin, w.admin, "/admin/analytics?days=7");
      await admin.locator('[data-testid="analytics"][data-ready="true"]').waitFor();
      expect(await admin.getByTestId("metric-sla-breached").textContent()).toBe("1");
      expect(await admin.getByTestId("metric-sla-breached").locator("xpath=..").innerText()).toContain("of 3 hand-offs with a first-response target");
      expect(await admin.locator('[data-testid="analytics-team"][data-team-name="Support"] [data-testid="team-sla-breached"]').textContent()).toBe("1");
      expect(await admin.locator('[data-testid="analytics-team"][data-team-name="VIP"] [data-testid="team-sla-breached"]').textContent()).toBe("0");
      expect(await admin.locator(`[data-testid="analytics-agent"][data-agent-name="${(await app.db.user.findUniqueOrThrow({ where: { id: w.agent.id } })).name}"]`).innerText()).toContain("10 s");
    } finally {
      await admin.context().close();
    }
  });
});

describe("keyboard shortcuts", () => {
  it("help overlay, next conversation, claim, reply, note, canned response and resolve — without the mouse", async () => {
    const w = await seedTenant(app.db, { name: "Keyboard Shop" });
    await app.db.cannedResponse.create({ data: { tenantId: w.tenantId, shortcut: "thanks", text: "Thank you for waiting, happy to help!" } });
    const customer = await connectWidget(app.server.url, w.widgetKey);
    customers.push(customer);

    const page = await openConsole(w.agent);
    try {
      await customer.send("human please, about my invoice");
      await customer.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      const conversationId = await customer.conversationId();
      await queueItem(page, conversationId).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const k = page.keyboard;

      await k.press("?");
      const help = page.getByTestId("shortcuts-help");
      await help.waitFor();
      expect(await help.getAttribute("role")).toBe("dialog");
      const rows = await help.getByTestId("shortcut").allInnerTexts();
      for (const label of ["Next conversation", "Claim", "Resolve", "canned response", "internal note"]) expect(rows.join("\n")).toContain(label);
      await k.press("Escape");
      await help.waitFor({ state: "detached" });

      await k.press("j");
      const view = page.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"]`);
      await view.waitFor();
      expect(await view.getAttribute("data-status")).toBe("queued");
      await k.press("c");
      await page.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"][data-status="assigned"]`).waitFor();

      await k.press("r");
      const composer = page.getByTestId("composer-input");
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "composer-input");
      await k.type("Hi, I am looking at your invoice now.");
      await k.press("Enter");
      // Stored (not only shown as sending).
      await view.locator('[data-testid="history-message"][data-role="agent"][data-status="sent"]', { hasText: "looking at your invoice" }).waitFor();
      await k.press("Escape");

      await k.press("n");
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "composer-input");
      expect(await page.getByTestId("mode-note").getAttribute("aria-pressed")).toBe("true");
      await k.type("Invoice 77 was charged twice");
      await k.press("Enter");
      await view.locator('[data-testid="history-message"][data-role="note"]', { hasText: "charged twice" }).waitFor();
      await k.press("Escape");

      await k.press("t");
      await page.getByTestId("canned-list").waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "composer-input");
      expect(await page.getByTestId("mode-reply").getAttribute("aria-pressed")).toBe("true");
      await k.type("than");
      await k.press("Tab");
      expect(await composer.inputValue()).toBe("Thank you for waiting, happy to help!");
      await k.press("Enter");
      await view.locator('[data-testid="history-message"][data-role="agent"][data-status="sent"]', { hasText: "happy to help" }).waitFor();
      await k.press("Escape");

      await k.press("e");
      await page.locator(`[data-testid="conversation"][data-conversation-id="${conversationId}"][data-status="resolved"]`).waitFor();
      const stored = await app.db.message.findMany({ where: { conversationId, role: { in: ["agent", "note"] } }, orderBy: { seq: "asc" } });
      expect(stored.map((m) => [m.role, m.text])).toEqual([
        ["agent", "Hi, I am looking at your invoice now."],
        ["note", "Invoice 77 was charged twice"],
        ["agent", "Thank you for waiting, happy to help!"],
      ]);
      expect(await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ status: "resolved", assignedAgentId: w.agent.id });
    } finally {
      await page.context().close();
    }
  });
});

describe("desktop notifications", () => {
  it("asks the browser once when turned on, then notifies of new customers while the console is in the background", async () => {
    const w = await seedTenant(app.db, { name: "Notify Shop" });
    const context = await browser.newContext();
    // A stand-in for the browser's Notification: records what the console shows and how often it asks.
    await context.addInitScript(() => {
      const state = { shown: [] as { title: string; body: string }[], asked: 0 };
      (window as unknown as { __notices: typeof state }).__notices = state;
      class FakeNotification {
        static permission: NotificationPermission = "default";
        static async requestPermission() {
          state.asked++;
          FakeNotification.permission = "granted";
          return "granted" as NotificationPermission;
        }
        onclick: (() => void) | null = null;
        constructor(title: string, opts?: { body?: string }) {
          state.shown.push({ title, body: opts?.body ?? "" });
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = FakeNotification;
      // The console is in the background.
      document.hasFocus = () => false;
    });
    const page = await context.newPage();
    try {
      await signIn(page, w.agent, "/agent");
      await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
      await page.getByTestId("queue-empty").waitFor();
      await page.getByTestId("notify-toggle").check();
      expect(await page.evaluate(() => (window as unknown as { __notices: { asked: number } }).__notices.asked)).toBe(1);

      const customer = await connectWidget(app.server.url, w.widgetKey);
      customers.push(customer);
      await customer.send("human please, my parcel is lost");
      await customer.waitFor("handoff:status", (s: { state: string }) => s.state === "queued");
      await page.waitForFunction(() => (window as unknown as { __notices: { shown: unknown[] } }).__notices.shown.length > 0);
      const shown = await page.evaluate(() => (window as unknown as { __notices: { shown: { title: string; body: string }[] } }).__notices.shown);
      expect(shown).toEqual([{ title: "New customer waiting", body: "Asked for a person: human please, my parcel is lost" }]);
      expect(await page.getByTestId("notify-toggle").isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

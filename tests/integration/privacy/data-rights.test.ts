// Data-rights requests through the admin API of the running server: find a visitor by id, e-mail
// or conversation, export everything stored about them, and erase them — without touching other
// visitors or another tenant. Both actions are audit-logged without personal data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { Db } from "@/lib/db";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { launchBrowser } from "../../support/browser";
import { loginCookie, seedTenant, type SeededTenant } from "../../support/seed";

let app: E2EApp;
let t: SeededTenant;
let other: SeededTenant;
let cookie: string;
let otherCookie: string;
let browser: Browser | undefined;
const ids: Record<string, string> = {};

async function seedVisitor(db: Db, tenantId: string, email: string, words: string) {
  const v = await db.visitor.create({ data: { tenantId, email, name: `Name ${words}` } });
  const c = await db.conversation.create({ data: { tenantId, visitorId: v.id, status: "resolved" } });
  await db.message.createMany({
    data: [
      { tenantId, conversationId: c.id, seq: 1, role: "customer", text: `customer says ${words}` },
      { tenantId, conversationId: c.id, seq: 2, role: "bot", text: `bot answers ${words}`, feedback: 1 },
      { tenantId, conversationId: c.id, seq: 3, role: "note", text: `staff note ${words}` },
    ],
  });
  await db.decision.create({ data: { tenantId, conversationId: c.id, kind: "handoff", reason: "low", text: `customer says ${words}` } });
  await db.handoff.create({ data: { tenantId, conversationId: c.id, reason: "model_handoff" } });
  await db.rating.create({ data: { tenantId, conversationId: c.id, score: 2, comment: `comment ${words}` } });
  await db.offlineTicket.create({ data: { tenantId, visitorId: v.id, email, message: `ticket ${words}` } });
  return { visitorId: v.id, conversationId: c.id };
}

beforeAll(async () => {
  app = await startE2EApp();
  t = await seedTenant(app.db, { name: "Privacy Tenant" });
  other = await seedTenant(app.db, { name: "Privacy Other" });
  const alice = await seedVisitor(app.db, t.tenantId, "alice@example.com", "alpha");
  const bob = await seedVisitor(app.db, t.tenantId, "bob@example.com", "bravo");
  const foreign = await seedVisitor(app.db, other.tenantId, "alice@example.com", "foreign");
  Object.assign(ids, { alice: alice.visitorId, aliceConv: alice.conversationId, bob: bob.visitorId, foreign: foreign.visitorId });
  cookie = await loginCookie(app.server.url, t.admin.email, t.admin.password);
  otherCookie = await loginCookie(app.server.url, other.admin.email, other.admin.password);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const get = (p: string, c = cookie) => fetch(`${app.server.url}${p}`, { headers: { cookie: c } });

describe("finding a visitor", () => {
  it("finds them by id, e-mail (any case) or conversation id, in this tenant only", async () => {
    for (const q of [ids.alice!, "ALICE@example.com", ids.aliceConv!]) {
      const { visitors } = await (await get(`/api/admin/privacy/visitors?q=${encodeURIComponent(q)}`)).json();
      expect(visitors.map((v: { id: string }) => v.id)).toEqual([ids.alice]);
    }
  });

  it("refuses agents", async () => {
    const agent = await loginCookie(app.server.url, t.agent.email, t.agent.password);
    expect((await get(`/api/admin/privacy/visitors?q=${ids.alice}`, agent)).status).toBe(403);
  });
});

describe("export", () => {
  it("contains everything stored about the visitor, customer-facing messages only", async () => {
    const res = await get(`/api/admin/privacy/visitors/${ids.alice}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = await res.json();
    expect(data.visitor).toMatchObject({ id: ids.alice, email: "alice@example.com", name: "Name alpha" });
    expect(data.about).toMatch(/notes are not included/);
    const [conv] = data.conversations;
    expect(conv.messages.map((m: { text: string }) => m.text)).toEqual(["customer says alpha", "bot answers alpha"]);
    expect(conv.messages[1].feedback).toBe(1);
    expect(conv.decisions[0]).toMatchObject({ question: "customer says alpha", kind: "handoff" });
    expect(conv.handoffs[0]).toMatchObject({ reason: "model_handoff" });
    expect(conv.ratings[0]).toMatchObject({ score: 2, comment: "comment alpha" });
    expect(data.offlineTickets[0]).toMatchObject({ email: "alice@example.com", message: "ticket alpha" });
    const text = JSON.stringify(data);
    expect(text).not.toContain("bravo");
    expect(text).not.toContain("foreign");
    expect(text).not.toContain("staff note");
  });

  it("does not export another tenant's visitor", async () => {
    expect((await get(`/api/admin/privacy/visitors/${ids.alice}`, otherCookie)).status).toBe(404);
  });
});

describe("erasure", () => {
  it("is refused for another tenant's admin and changes nothing", async () => {
    const res = await fetch(`${app.server.url}/api/admin/privacy/visitors/${ids.alice}`, { method: "DELETE", headers: { cookie: otherCookie } });
    expect(res.status).toBe(404);
    expect(await app.db.visitor.findUnique({ where: { id: ids.alice } })).not.toBeNull();
  });

  it("removes the visitor and everything about them, and nobody else", async () => {
    // Webhook deliveries that carried Alice's conversation or her id (already sent) go too.
    const hook = await app.db.webhook.create({ data: { tenantId: t.tenantId, url: "https://hooks.example.com/x", events: ["message.created"], secret: "whsec_x" } });
    const delivery = (body: object) => ({ tenantId: t.tenantId, webhookId: hook.id, eventId: `evt_${Math.random()}`, event: "message.created", status: "delivered", body: JSON.stringify(body) });
    await app.db.webhookDelivery.createMany({
      data: [delivery({ data: { conversationId: ids.aliceConv, message: { text: "alpha" } } }), delivery({ data: { visitorId: ids.alice } }), delivery({ data: { visitorId: ids.bob } })],
    });
    const res = await fetch(`${app.server.url}/api/admin/privacy/visitors/${ids.alice}`, { method: "DELETE", headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await res.json()).deleted).toEqual({ conversations: 1, messages: 3, decisions: 1, handoffs: 1, ratings: 1, offlineTickets: 1, webhookDeliveries: 2 });
    expect((await app.db.webhookDelivery.findMany({ where: { webhookId: hook.id } })).map((d) => JSON.parse(d.body).data)).toEqual([{ visitorId: ids.bob }]);
    expect(await app.db.visitor.findUnique({ where: { id: ids.alice } })).toBeNull();
    expect(await app.db.conversation.count({ where: { visitorId: ids.alice } })).toBe(0);
    expect(await app.db.message.count({ where: { conversationId: ids.aliceConv } })).toBe(0);
    expect(await app.db.offlineTicket.count({ where: { tenantId: t.tenantId, email: "alice@example.com" } })).toBe(0);
    // Bob and the other tenant's Alice are untouched.
    expect(await app.db.message.count({ where: { conversation: { visitorId: ids.bob } } })).toBe(3);
    expect(await app.db.offlineTicket.count({ where: { visitorId: ids.foreign } })).toBe(1);
    expect((await get(`/api/admin/privacy/visitors/${ids.alice}`)).status).toBe(404);
  });

  it("audit-logs export and erasure with counts but no personal data", async () => {
    const rows = await app.db.auditLog.findMany({ where: { tenantId: t.tenantId, action: { startsWith: "privacy." } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["privacy.visitor_export", "privacy.visitor_delete"]);
    expect(rows.every((r) => r.actorId === t.admin.id && r.target === ids.alice)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("alice@example.com");
  });
});

describe("privacy page", () => {
  it("finds a visitor by e-mail and erases them only after DELETE is typed", async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/login?next=/admin/privacy`);
    await page.getByLabel("E-mail").fill(t.admin.email);
    await page.getByLabel("Password").fill(t.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/privacy");
    await page.locator('[data-testid="privacy"][data-ready="true"]').waitFor();
    await page.locator('input[name="q"]').fill("bob@example.com");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.locator(`[data-visitor-id="${ids.bob}"]`);
    expect(await row.getByTestId("export-visitor").getAttribute("href")).toBe(`/api/admin/privacy/visitors/${ids.bob}`);
    await row.getByRole("button", { name: "Delete…" }).click();
    const confirm = row.getByRole("button", { name: "Delete permanently" });
    expect(await confirm.isDisabled()).toBe(true);
    await row.getByLabel("Type DELETE to confirm").fill("DELETE");
    await confirm.click();
    await expect(page.getByTestId("visitor-deleted").textContent()).resolves.toContain("3 messages");
    expect(await app.db.visitor.findUnique({ where: { id: ids.bob } })).toBeNull();
    expect(await app.db.visitor.findUnique({ where: { id: ids.foreign } })).not.toBeNull();
  });
});

// Verified identity, as a business sets it up and its customers meet it, in real Chromium: the
// admin copies the identity secret from Settings, the shop's backend signs its customer's id with
// it, and the page calls `FaqBot.identify`. The same customer continues their conversation in a
// second browser, and the agent sees them verified; a forged or stale signature is refused and
// never trusted.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { signInAt, startHostSite, type HostSite } from "../support/host-site";
import { seedTenant, type SeededTenant } from "../support/seed";

let app: E2EApp;
let browser: Browser;
let site: HostSite;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  site = await startHostSite(app.server.url, "My account");
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

const sign = (secret: string, id: string) => createHmac("sha256", secret).update(id).digest("hex");

const signIn = (page: Page, user: { email: string; password: string }, next: string) => signInAt(app.server.url, page, user, next);

/** The admin reads the identity secret on Settings (created on first view). */
async function secretFromSettings(page: Page, t: SeededTenant): Promise<string> {
  await signIn(page, t.admin, "/admin/settings");
  await page.locator('[data-testid="identity-show"]').click();
  const secret = (await page.locator('[data-testid="identity-secret"]').innerText()).trim();
  expect(secret).toMatch(/^fis_[0-9a-f]{64}$/);
  expect(await page.locator('[data-testid="identity-snippet"]').innerText()).toContain('createHmac("sha256", IDENTITY_SECRET)');
  return secret;
}

/** Opens the shop page as a signed-in customer; resolves with identify's outcome (or its error). */
async function identifyOnPage(page: Page, key: string, user: { id: string; email?: string; name?: string }, signature: string): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  await page.goto(`${site.url}/?key=${key}`);
  await page.waitForFunction(() => typeof (window as unknown as { FaqBot?: { identify?: unknown } }).FaqBot?.identify === "function");
  return page.evaluate(
    ([u, s]) =>
      (window as unknown as { FaqBot: { identify: (u: unknown, s: string) => Promise<{ id: string }> } }).FaqBot.identify(u, s).then(
        (r) => ({ ok: true as const, id: r.id }),
        (e: Error) => ({ ok: false as const, error: e.message }),
      ),
    [user, signature] as const,
  );
}

async function openChat(page: Page): Promise<Frame> {
  await page.locator("#faqbot-widget button.btn").click();
  const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

async function send(frame: Frame, text: string) {
  await frame.locator('[data-testid="composer"]').fill(text);
  await frame.locator('[data-testid="composer"]').press("Enter");
}

describe("verified identity", () => {
  it("lets an identified customer continue in a second browser, shown verified to the agent", async () => {
    const t = await seedTenant(app.db);
    const admin = await browser.newContext();
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    const agent = await browser.newContext();
    try {
      const secret = await secretFromSettings(await admin.newPage(), t);
      const customer = { id: "cust-4711", email: "ana@example.com", name: "Ana Torres" };

      // Laptop: signed in on the shop, the customer asks something.
      const laptopPage = await laptop.newPage();
      expect(await identifyOnPage(laptopPage, t.widgetKey, customer, sign(secret, customer.id))).toEqual({ ok: true, id: customer.id });
      const first = await openChat(laptopPage);
      await send(first, "Where is my order 1234?");
      await first.locator('[data-testid="message"][data-role="customer"]', { hasText: "Where is my order 1234?" }).waitFor();
      await expect.poll(() => app.db.message.count({ where: { tenantId: t.tenantId, role: "customer" } }), { timeout: 30_000 }).toBe(1);

      // Phone: another browser, same customer — the conversation is there, and it goes on.
      const phonePage = await phone.newPage();
      expect(await identifyOnPage(phonePage, t.widgetKey, customer, sign(secret, customer.id))).toEqual({ ok: true, id: customer.id });
      const second = await openChat(phonePage);
      await second.locator('[data-testid="message"][data-role="customer"]', { hasText: "Where is my order 1234?" }).waitFor({ timeout: 30_000 });
      await send(second, "It was sent to Madrid.");
      await first.locator('[data-testid="message"][data-role="customer"]', { hasText: "It was sent to Madrid." }).waitFor({ timeout: 30_000 });

      const visitors = await app.db.visitor.findMany({ where: { tenantId: t.tenantId, externalId: customer.id } });
      expect(visitors).toHaveLength(1);
      expect(visitors[0]).toMatchObject({ email: customer.email, name: customer.name });
      expect(visitors[0]!.verifiedAt).not.toBeNull();
      expect(await app.db.conversation.count({ where: { tenantId: t.tenantId } })).toBe(1);

      // The agent takes the chat and sees who it is, verified.
      const desk = await agent.newPage();
      await signIn(desk, t.agent, "/agent");
      await desk.locator('[data-testid="connection"][data-state="online"]').waitFor();
      await second.locator('[data-testid="header-handoff"]').click();
      const item = desk.locator('[data-testid="queue-item"]');
      await item.waitFor({ timeout: 30_000 });
      await item.locator('[data-testid="claim"]').click();
      const panel = desk.locator('[data-testid="context-panel"]');
      await panel.waitFor();
      expect(await panel.locator('[data-testid="visitor-verified"]').innerText()).toContain("Verified");
      expect(await panel.innerText()).toContain("Ana Torres");
      expect(await panel.innerText()).toContain(customer.id);
    } finally {
      for (const c of [admin, laptop, phone, agent]) await c.close();
    }
  });

  it("refuses a forged, a malformed and a rotated-out signature, and trusts none of them", async () => {
    const t = await seedTenant(app.db);
    const admin = await browser.newContext();
    const customerCtx = await browser.newContext();
    try {
      const adminPage = await admin.newPage();
      const secret = await secretFromSettings(adminPage, t);
      const victim = { id: "cust-1", email: "victim@example.com", name: "Victim" };

      // The real customer has a conversation.
      const real = await customerCtx.newPage();
      expect(await identifyOnPage(real, t.widgetKey, victim, sign(secret, victim.id))).toEqual({ ok: true, id: victim.id });
      await send(await openChat(real), "My private question");
      await expect.poll(() => app.db.message.count({ where: { tenantId: t.tenantId, role: "customer" } }), { timeout: 30_000 }).toBe(1);

      // Someone else claims to be them, with a signature not made with the workspace's secret.
      const attacker = await browser.newContext();
      try {
        const page = await attacker.newPage();
        const forged = await identifyOnPage(page, t.widgetKey, victim, sign("fis_guessed", victim.id));
        expect(forged).toEqual({ ok: false, error: expect.stringContaining("could not be verified") });
        const chat = await openChat(page);
        await chat.locator('[data-testid="composer"]').waitFor();
        expect(await chat.locator('[data-testid="message"]', { hasText: "My private question" }).count()).toBe(0);

        const malformed = await identifyOnPage(page, t.widgetKey, victim, "not-a-signature");
        expect(malformed).toEqual({ ok: false, error: expect.stringContaining("hex HMAC-SHA256") });
      } finally {
        await attacker.close();
      }
      // Still one visitor holds the id, with the real customer's details.
      const holders = await app.db.visitor.findMany({ where: { tenantId: t.tenantId, externalId: victim.id } });
      expect(holders.map((v) => v.email)).toEqual([victim.email]);

      // The admin rotates the secret: signatures made with the old one stop working.
      await adminPage.locator('[data-testid="identity-rotate"]').click();
      await adminPage.getByRole("dialog", { name: "Rotate the identity secret?" }).getByTestId("confirm-dialog-confirm").click();
      await expect.poll(async () => (await adminPage.locator('[data-testid="identity-secret"]').innerText()).trim(), { timeout: 15_000 }).not.toBe(secret);
      const rotated = (await adminPage.locator('[data-testid="identity-secret"]').innerText()).trim();
      const stale = await browser.newContext();
      try {
        const page = await stale.newPage();
        expect(await identifyOnPage(page, t.widgetKey, victim, sign(secret, victim.id))).toEqual({ ok: false, error: expect.stringContaining("could not be verified") });
        expect(await identifyOnPage(page, t.widgetKey, victim, sign(rotated, victim.id))).toEqual({ ok: true, id: victim.id });
      } finally {
        await stale.close();
      }
    } finally {
      await admin.close();
      await customerCtx.close();
    }
  });
});

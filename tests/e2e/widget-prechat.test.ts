// The pre-chat form, from the admin's switch to the agent's context panel, in real Chromium: off
// by default; once on, the widget asks for name, e-mail and topic before the first message and
// names each field's problem; the server checks again (a socket that skips the form cannot start a
// conversation); the agent who takes the chat sees the answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { signInAt, startHostSite, type HostSite } from "../support/host-site";
import { seedTenant } from "../support/seed";
import { openWidgetSocket } from "../support/widget-socket";

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

const signIn = (page: Page, user: { email: string; password: string }, next: string) => signInAt(app.server.url, page, user, next);

async function openChat(page: Page, key: string): Promise<Frame> {
  await page.goto(`${site.url}/?key=${key}`);
  await page.locator("#faqbot-widget button.btn").click();
  const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
  await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return frame;
}

describe("pre-chat form", () => {
  it("is turned on in Settings, validated in the widget and on the server, and its answers reach the agent", async () => {
    const t = await seedTenant(app.db);
    const admin = await browser.newContext();
    const customer = await browser.newContext();
    const agent = await browser.newContext();
    try {
      // Off by default: the widget opens on the composer.
      const shop = await customer.newPage();
      let chat = await openChat(shop, t.widgetKey);
      await chat.locator('[data-testid="composer"]').waitFor();
      expect(await chat.locator('[data-testid="prechat-form"]').count()).toBe(0);

      // The admin turns it on: name and e-mail required, topic required too.
      const settings = await admin.newPage();
      await signIn(settings, t.admin, "/admin/settings");
      await settings.locator('input[name="prechat-enabled"]').check();
      await settings.locator('select[name="prechat-topic"]').selectOption("required");
      await settings.locator('[data-testid="save-settings"]').click();
      expect(await settings.locator('[data-testid="settings-message"]').innerText()).toContain("Settings saved.");
      const stored = (await app.db.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).settings as { prechat?: unknown };
      expect(stored.prechat).toEqual({ enabled: true, name: "required", email: "required", topic: "required" });

      // The server refuses a first message from a socket that skipped the form, and bad answers.
      const socket = await openWidgetSocket(app.server.url, t.widgetKey, site.url);
      try {
        const refused = await socket.emitWithAck("message:send", { clientMessageId: "skip-the-form-1", text: "hello" });
        expect(refused.error).toMatchObject({ code: "validation_failed", message: "Please fill in the form above before your first message." });
        const bad = await socket.emitWithAck("prechat:submit", { name: "", email: "not-an-address", topic: "Refund" });
        expect(bad.error.code).toBe("validation_failed");
        expect(bad.error.details).toEqual([
          { path: "name", message: "Enter your name." },
          { path: "email", message: "Enter a valid e-mail address, like name@example.com." },
        ]);
      } finally {
        socket.disconnect();
      }
      expect(await app.db.conversation.count({ where: { tenantId: t.tenantId } })).toBe(0);

      // The customer's widget now asks first, with a message for each field (a new tab: the panel starts closed).
      chat = await openChat(await customer.newPage(), t.widgetKey);
      const form = chat.locator('[data-testid="prechat-form"]');
      await form.waitFor();
      expect(await chat.locator('[data-testid="composer"]').count()).toBe(0);
      await form.getByRole("button", { name: "Start chat" }).click();
      expect(await chat.locator('[data-testid="prechat-error-name"]').innerText()).toBe("Enter your name.");
      expect(await chat.locator('[data-testid="prechat-error-email"]').innerText()).toBe("Enter your e-mail address.");
      expect(await chat.locator('[data-testid="prechat-error-topic"]').innerText()).toBe("Tell us what your question is about.");
      await form.locator('input[name="prechat-name"]').fill("Ana Torres");
      await form.locator('input[name="prechat-email"]').fill("ana@example");
      await form.locator('textarea[name="prechat-topic"]').fill("Refund for order 1234");
      await form.getByRole("button", { name: "Start chat" }).click();
      expect(await chat.locator('[data-testid="prechat-error-email"]').innerText()).toBe("Enter a valid e-mail address, like name@example.com.");
      expect(await chat.locator('[data-testid="prechat-error-name"]').count()).toBe(0);
      await form.locator('input[name="prechat-email"]').fill("ana@example.com");
      await form.getByRole("button", { name: "Start chat" }).click();
      await chat.locator('[data-testid="composer"]').waitFor({ timeout: 30_000 });
      await chat.locator('[data-testid="composer"]').fill("I want my money back");
      await chat.locator('[data-testid="composer"]').press("Enter");
      await chat.locator('[data-testid="message"][data-role="customer"]', { hasText: "I want my money back" }).waitFor();
      await expect.poll(() => app.db.message.count({ where: { tenantId: t.tenantId, role: "customer" } }), { timeout: 30_000 }).toBe(1);
      const visitor = await app.db.visitor.findFirstOrThrow({ where: { tenantId: t.tenantId, email: "ana@example.com" } });
      expect(visitor.name).toBe("Ana Torres");
      expect((visitor.metadata as { prechat?: object }).prechat).toMatchObject({ name: "Ana Torres", email: "ana@example.com", topic: "Refund for order 1234" });

      // Another page of the shop does not ask again.
      chat = await openChat(await customer.newPage(), t.widgetKey);
      await chat.locator('[data-testid="message"][data-role="customer"]', { hasText: "I want my money back" }).waitFor();
      expect(await chat.locator('[data-testid="prechat-form"]').count()).toBe(0);

      // The agent takes the conversation and reads the answers beside it.
      const desk = await agent.newPage();
      await signIn(desk, t.agent, "/agent");
      await desk.locator('[data-testid="connection"][data-state="online"]').waitFor();
      await chat.locator('[data-testid="header-handoff"]').click();
      const item = desk.locator('[data-testid="queue-item"]');
      await item.waitFor({ timeout: 30_000 });
      await item.locator('[data-testid="claim"]').click();
      const answers = desk.locator('[data-testid="context-prechat"]');
      await answers.waitFor();
      expect(await answers.locator('[data-testid="prechat-name"]').innerText()).toBe("Ana Torres");
      expect(await answers.locator('[data-testid="prechat-email"]').innerText()).toBe("ana@example.com");
      expect(await answers.locator('[data-testid="prechat-topic"]').innerText()).toBe("Refund for order 1234");
    } finally {
      for (const c of [admin, customer, agent]) await c.close();
    }
  });
});

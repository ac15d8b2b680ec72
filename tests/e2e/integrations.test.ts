// What admins and agents do with integrations, in real Chromium: an admin adds a webhook on the
// Webhooks page, copies its secret (shown once), watches a delivery arrive in the log with the
// receiver's response code and sends it again; an agent answers an offline message by e-mail from
// the console and the customer's mail arrives at the (in-process) SMTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { seedTenant, type SeededTenant } from "../support/seed";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { waitFor } from "../support/wait";
import { verifySignature } from "@/lib/webhooks/signature";
import { connectWidget, loginAgent, type RecordingClient } from "../integration/handoff/helpers";

let app: E2EApp;
let browser: Browser;
let smtp: TestSmtp;
let tenant: SeededTenant;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;
const clients: RecordingClient[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(202).end("accepted");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/faqbot`;
  app = await startE2EApp({ env: { WEBHOOKS_ALLOW_PRIVATE: "true", SMTP_URL: smtp.url, MAIL_FROM: "Help <help@shop.test>" } });
  tenant = await seedTenant(app.db, { name: "Integrations Shop" });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await app?.close();
  await smtp?.close();
  await new Promise<void>((r) => receiver?.close(() => r()));
});

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`${app.server.url}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.server.url}${next}`);
}

describe("the Webhooks page", () => {
  it("adds a webhook, shows its secret once, and lists deliveries with response codes and send again", async () => {
    const page = await browser.newPage();
    await signIn(page, tenant.admin.email, tenant.admin.password, "/admin/webhooks");
    await page.locator('[data-testid="webhooks"][data-ready="true"]').waitFor();
    await page.locator('input[name="url"]').fill(receiverUrl);
    // The defaults (handoff.queued, ticket.created) plus conversation.created.
    await page.locator('input[name="event"][value="conversation.created"]').check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("new-webhook-secret-value").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.locator('[data-testid="webhook-row"][data-enabled="true"]', { hasText: receiverUrl }).waitFor();

    // Something happens: a customer starts a conversation.
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    await w.send("Hello, is anyone there?");
    await waitFor("the delivery", () => received.find((r) => r.headers["x-faqbot-event"] === "conversation.created"));
    const first = received.find((r) => r.headers["x-faqbot-event"] === "conversation.created")!;
    expect(verifySignature(secret, first.body, first.headers["x-faqbot-signature"] as string)).toBe(true);

    // The log shows it with the receiver's answer; "Send again" sends the same body.
    await page.getByRole("button", { name: "Deliveries" }).click();
    const row = page.locator('[data-testid="webhook-delivery-row"][data-status="delivered"]').first();
    await row.waitFor();
    expect(await row.getByTestId("webhook-delivery-response").textContent()).toContain("HTTP 202");
    const before = received.length;
    await row.getByTestId("webhook-redeliver").click();
    await waitFor("the delivery sent again", () => received.length > before);
    expect(received.at(-1)!.body).toBe(first.body);
    expect(received.at(-1)!.headers["x-faqbot-delivery"]).not.toBe(first.headers["x-faqbot-delivery"]);

    // After a reload the secret is nowhere on the page.
    await page.reload();
    await page.locator('[data-testid="webhooks"][data-ready="true"]').waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.close();
  });
});

describe("the agent console", () => {
  it("answers an offline message by e-mail", async () => {
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    const left = await w.call("offline:ticket", { email: "eva@example.com", message: "Do you ship to Portugal?" });
    expect(left).toMatchObject({ ok: true });

    const page = await browser.newPage();
    await signIn(page, tenant.agent.email, tenant.agent.password, "/agent");
    const ticket = page.getByTestId("ticket").filter({ hasText: "eva@example.com" });
    await ticket.waitFor();
    expect(await page.getByTestId("mail-not-configured").count()).toBe(0);
    await ticket.getByTestId("ticket-reply-open").click();
    await ticket.locator("textarea").fill("Yes, we ship to Portugal in 3 days.");
    await ticket.getByTestId("ticket-reply-send").click();
    const mail = await smtp.waitForMail((m) => m.to.includes("eva@example.com"), "the answer by e-mail");
    expect(mail.text).toContain("Yes, we ship to Portugal in 3 days.");
    expect(mail.headers["in-reply-to"]).toBe(`<ticket.${left.ticketId}@shop.test>`);
    // Answered and handled: it leaves the list.
    await page.getByTestId("ticket").filter({ hasText: "eva@example.com" }).waitFor({ state: "detached" });
    await page.close();
  });
});

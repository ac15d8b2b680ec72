// A server crash (SIGKILL) in the middle of a streamed bot reply: the customer, whose widget has
// already shown part of the reply, ends up with exactly one complete reply after the server comes
// back — not the fragment, and not two replies.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { waitFor } from "../support/wait";

let app: E2EApp;
let browser: Browser;
let modelsDir: string;
let site: http.Server;
let siteUrl: string;

async function generative(): Promise<void> {
  await waitFor(
    "the chat model to load",
    async () => {
      const health = await (await fetch(`${app.server.url}/api/health`).catch(() => null))?.json().catch(() => null);
      return health?.models?.mode === "generative";
    },
    { timeout: 30_000 },
  );
}

beforeAll(async () => {
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-models-"));
  const paths = await makeTestModels(modelsDir);
  // A long reply budget keeps the tiny model streaming long enough to be cut in the middle.
  app = await startE2EApp({ env: { CHAT_MODEL: paths.chat, MODEL_DTYPE: "fp32", CHAT_MAX_NEW_TOKENS: "3000", CHAT_TIME_BUDGET_MS: "30000" } });
  await generative();
  browser = await launchBrowser();
  const port = await freePort();
  site = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><body><h1>Shop</h1><script src="${app.server.url}/widget.js" data-tenant="pk_demo" async></script></body>`);
  });
  await new Promise<void>((r) => site.listen(port, "127.0.0.1", r));
  siteUrl = `http://localhost:${port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (site ? site.close(() => r()) : r()));
  await app?.close();
  fs.rmSync(modelsDir, { recursive: true, force: true });
});

describe("server restart during a streamed reply", () => {
  it("leaves the customer with one complete reply", async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    await page.locator("#faqbot-widget button").click();
    const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
    await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
    const question = "Which payment methods do you accept?";
    await frame.locator('[data-testid="composer"]').fill(question);
    await frame.locator('[data-testid="composer"]').press("Enter");

    // Part of the reply is on screen: crash the server now.
    await frame.locator('[data-testid="streaming"]').waitFor();
    const shownBeforeCrash = (await frame.locator('[data-testid="streaming"]').textContent()) ?? "";
    expect(shownBeforeCrash.length).toBeGreaterThan(0);
    const customerMsg = await app.db.message.findFirstOrThrow({ where: { role: "customer", text: question }, orderBy: { createdAt: "desc" } });
    await app.server.restart("SIGKILL");
    const storedAtCrash = await app.db.message.count({ where: { conversationId: customerMsg.conversationId, role: "bot", seq: { gt: customerMsg.seq } } });
    await generative();

    // The widget reconnects by itself, drops the fragment, and receives the one complete reply.
    await frame.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 30_000 });
    const bot = frame.locator('[data-testid="message"][data-role="bot"]');
    await expect.poll(() => bot.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => frame.locator('[data-testid="streaming"]').count(), { timeout: 30_000 }).toBe(0);
    const replies = await app.db.message.findMany({ where: { conversationId: customerMsg.conversationId, role: "bot", seq: { gt: customerMsg.seq } } });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text.length).toBeGreaterThan(0);
    expect((await bot.first().textContent()) ?? "").toContain(replies[0]!.text.slice(0, 20));
    // The crash really came mid-reply: nothing had been stored yet.
    expect(storedAtCrash).toBe(0);
    await page.close();
  });
});

// With CHAT_MODEL pointing at a generated tiny model, the running app loads it through the same
// code path as a real model and streams the bot's reply into the widget token by token; the
// grounding guard then settles the bubble on an answer the FAQ supports.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openWidgetSocket } from "../support/widget-socket";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { freePort } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { waitFor } from "../support/wait";

let app: E2EApp;
let browser: Browser;
let modelsDir: string;

beforeAll(async () => {
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-models-"));
  const paths = await makeTestModels(modelsDir);
  app = await startE2EApp({ env: { CHAT_MODEL: paths.chat, MODEL_DTYPE: "fp32", CHAT_MAX_NEW_TOKENS: "48" } });
  // The model loads in the background after start-up.
  await waitFor("the chat model to load", async () => (await (await fetch(`${app.server.url}/api/health`)).json()).models.mode === "generative", { timeout: 20_000 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(modelsDir, { recursive: true, force: true });
});

describe("generative replies with a local chat model", () => {
  it("reports the chat model as loaded in /api/health", async () => {
    const health = await (await fetch(`${app.server.url}/api/health`)).json();
    expect(health.models.mode).toBe("generative");
    const chat = health.models.models.find((m: { role: string }) => m.role === "chat");
    expect(chat.state).toBe("ready");
    expect(chat.source).toBe("local");
  });

  it("streams the reply over the socket in several chunks before the stored answer", async () => {
    const socket = await openWidgetSocket(app.server.url);
    try {
      const chunks: string[] = [];
      socket.on("bot:delta", (p: { text: string; replace?: boolean }) => {
        if (!p.replace) chunks.push(p.text);
      });
      const done = new Promise<{ message: { text: string; source: { key: string } | null } }>((resolve) => socket.on("bot:done", resolve));
      await socket.emitWithAck("message:send", { clientMessageId: "gen-question-0001", text: "Which payment methods do you accept?" });
      const reply = await done;
      expect(chunks.length).toBeGreaterThan(3);
      // Whatever the tiny model wrote, the customer ends with an answer the FAQ supports.
      expect(reply.message.source?.key).toBe("payment-methods");
      expect(reply.message.text.length).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });

  it("lets the chat model settle an unsure question among the candidates, or ask which one is meant", async () => {
    const socket = await openWidgetSocket(app.server.url);
    try {
      const done = new Promise<{ message: { text: string; source: { key: string } | null; suggestions: Array<{ key: string }> } }>((resolve) => socket.on("bot:done", resolve));
      // The tenant model offers choices for this one (return policy, refund time, tracking).
      await socket.emitWithAck("message:send", { clientMessageId: "gen-unsure-0001", text: "i want my money back for the order" });
      const { message } = await done;
      const candidates = ["return-policy", "refund-time", "track-order"];
      // Whatever the tiny model chose: an answer from one of the candidates, or the choices with
      // a question (its own, if it passed the checks, or the built-in one).
      if (message.source) expect(candidates).toContain(message.source.key);
      else {
        expect(message.suggestions.length).toBeGreaterThan(0);
        for (const s of message.suggestions) expect(candidates).toContain(s.key);
        expect(message.text.trim().length).toBeGreaterThan(0);
      }
    } finally {
      socket.close();
    }
  });

  it("shows the reply growing in the widget bubble before it settles", async () => {
    const port = await freePort();
    const site = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><body><h1>Shop</h1><script src="${app.server.url}/widget.js" data-tenant="pk_demo" async></script></body>`);
    });
    await new Promise<void>((r) => site.listen(port, "127.0.0.1", r));
    const page = await browser.newPage();
    try {
      await page.goto(`http://localhost:${port}/`);
      await page.locator("#faqbot-widget button").click();
      const frame = (await (await page.locator("#faqbot-widget iframe").elementHandle())!.contentFrame())!;
      await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
      await frame.evaluate(() => {
        const w = window as unknown as { __lengths: number[] };
        w.__lengths = [];
        new MutationObserver(() => {
          const el = document.querySelector('[data-testid="streaming"]');
          if (el) w.__lengths.push(el.textContent?.length ?? 0);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await frame.locator('[data-testid="composer"]').fill("How much does shipping cost?");
      await frame.locator('[data-testid="composer"]').press("Enter");
      await frame.locator('[data-testid="message"][data-role="bot"]').last().waitFor();
      await expect.poll(() => frame.locator('[data-testid="streaming"]').count()).toBe(0);
      const lengths = await frame.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
      // The streaming bubble grew through several distinct lengths: token by token, not at once.
      expect(new Set(lengths.filter((n) => n > 0)).size).toBeGreaterThan(2);
    } finally {
      await page.close();
      await new Promise<void>((r) => site.close(() => r()));
    }
  });
});

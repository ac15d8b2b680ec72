// A server started with no model settings at all names a default chat model and a default
// embedding model on /api/health and the admin overview. Offline (ALLOW_REMOTE_MODELS=false, as
// on this machine and in CI) it starts at once and says why each is unavailable, still "ok".
// With a hub (the local stand-in, serving the tiny test models under the default ids) it
// downloads them in the background while already answering, shows the progress, then replies
// with the chat model; restarted with the hub gone, it loads them from the cache.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWidgetSocket } from "../../support/widget-socket";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { startLocalHub, type LocalHub } from "@/lib/models/testing/local-hub";
import { DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL } from "@/lib/models/defaults";
import type { ModelStatus } from "@/lib/models/model-status";
import { startAppServer, type AppServer } from "../../support/app-server";
import { loginCookie } from "../../support/seed";
import { waitFor } from "../../support/wait";

type Health = { status: string; models: { mode: string; degraded: boolean; models: ModelStatus[] } };
const health = async (server: AppServer): Promise<Health> => (await fetch(`${server.url}/api/health`)).json();

async function adminOverview(server: AppServer): Promise<string> {
  const cookie = await loginCookie(server.url, "admin@demo.local", "demo-admin-pass");
  return (await fetch(`${server.url}/admin`, { headers: { cookie } })).text();
}

describe("no model settings, no network", () => {
  let server: AppServer;

  beforeAll(async () => {
    server = await startAppServer({ env: { ALLOW_REMOTE_MODELS: "false" } });
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(server?.dataDir ?? "/nonexistent", { recursive: true, force: true });
  });

  it("names both default models as unavailable with the reason, and stays ok in FAQ-only mode", async () => {
    const h = await health(server);
    expect(h.status).toBe("ok");
    expect(h.models).toMatchObject({ mode: "faq-only", degraded: false });
    const [chat, embedding] = h.models.models;
    expect(chat).toMatchObject({ role: "chat", id: DEFAULT_CHAT_MODEL, isDefault: true, state: "unavailable" });
    expect(embedding).toMatchObject({ role: "embedding", id: DEFAULT_EMBEDDING_MODEL, isDefault: true, state: "unavailable" });
    for (const m of [chat, embedding]) expect(m.error).toMatch(/^The default \w+ model: .* is not in MODELS_DIR .* ALLOW_REMOTE_MODELS=false\. .*models:pull.* Or set (CHAT|EMBEDDING)_MODEL=none to turn it off\./);
  });

  it("shows the same on the admin overview", async () => {
    const html = await adminOverview(server);
    expect(html).toContain(DEFAULT_CHAT_MODEL);
    expect(html).toContain(DEFAULT_EMBEDDING_MODEL);
    expect(html).toContain("ALLOW_REMOTE_MODELS=false");
  });

  it("turns a model off with none", async () => {
    const off = await startAppServer({ env: { ALLOW_REMOTE_MODELS: "false", CHAT_MODEL: "none", EMBEDDING_MODEL: "none" } });
    try {
      const h = await health(off);
      expect(h.models.models.map((m) => [m.state, m.id])).toEqual([
        ["disabled", ""],
        ["disabled", ""],
      ]);
      expect(h.status).toBe("ok");
    } finally {
      await off.stop();
      fs.rmSync(off.dataDir, { recursive: true, force: true });
    }
  });
});

describe("no model settings, a hub to download from", () => {
  let hub: LocalHub;
  let server: AppServer;
  let sourceDir: string;

  beforeAll(async () => {
    sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-default-models-"));
    const models = await makeTestModels(sourceDir);
    // The stand-in hub serves the tiny models under the default ids; the weights wait for the test.
    hub = await startLocalHub({ [DEFAULT_CHAT_MODEL]: models.chat, [DEFAULT_EMBEDDING_MODEL]: models.embed }, { lfsThreshold: 4096, holdStorage: true });
    server = await startAppServer({ env: { ALLOW_REMOTE_MODELS: "true", HF_ENDPOINT: hub.url, CHAT_MAX_NEW_TOKENS: "32" } });
  });

  afterAll(async () => {
    await server?.stop();
    await hub?.close();
    fs.rmSync(sourceDir, { recursive: true, force: true });
    fs.rmSync(server?.dataDir ?? "/nonexistent", { recursive: true, force: true });
  });

  it("answers at once while the default models download, showing their progress", async () => {
    const h = await health(server);
    expect(h.status).toBe("ok");
    expect(h.models).toMatchObject({ mode: "faq-only", degraded: false });
    const both = await waitFor("both downloads in progress with their sizes", async () => {
      const models = (await health(server)).models.models;
      return models.every((m) => m.state === "downloading" && m.download?.totalBytes) ? models : null;
    });
    for (const m of both) {
      expect(m).toMatchObject({ isDefault: true, source: "hub", download: { host: hub.url, retries: 0 } });
      expect(m.download!.receivedBytes).toBeLessThan(m.download!.totalBytes!);
    }
    const html = await adminOverview(server);
    expect(html).toMatch(/downloading \d+ %/);
    hub.releaseStorage();
  });

  it("then uses both: the chat model streams the reply in the widget", async () => {
    await waitFor("both default models to be ready", async () => (await health(server)).models.models.every((m) => m.state === "ready"), { timeout: 30_000 });
    const h = await health(server);
    expect(h.models.mode).toBe("generative");
    expect(h.models.models.map((m) => [m.id, m.source])).toEqual([
      [DEFAULT_CHAT_MODEL, "cache"],
      [DEFAULT_EMBEDDING_MODEL, "cache"],
    ]);
    expect(fs.existsSync(path.join(server.dataDir, "models", DEFAULT_CHAT_MODEL, ".download.json"))).toBe(true);

    const socket = await openWidgetSocket(server.url);
    try {
      const chunks: string[] = [];
      socket.on("bot:delta", (p: { text: string; replace?: boolean }) => {
        if (!p.replace) chunks.push(p.text);
      });
      const done = new Promise<{ message: { text: string; source: { key: string } | null } }>((resolve) => socket.on("bot:done", resolve));
      await socket.emitWithAck("message:send", { clientMessageId: "default-model-0001", text: "Which payment methods do you accept?" });
      const reply = await done;
      expect(chunks.length).toBeGreaterThan(3);
      expect(reply.message.source?.key).toBe("payment-methods");
    } finally {
      socket.close();
    }
  });

  it("after a restart with the hub gone, loads both from the cache", async () => {
    await hub.close();
    const asked = hub.requests.length;
    await server.restart();
    await waitFor("both default models to load from the cache", async () => (await health(server)).models.models.every((m) => m.state === "ready"), { timeout: 30_000 });
    const h = await health(server);
    expect(h.models.models.every((m) => m.source === "cache" && m.download === undefined)).toBe(true);
    expect(hub.requests.length).toBe(asked);
  });
});

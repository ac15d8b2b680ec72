// Webhooks against the real server and a local receiver: a webhook registered through the API gets
// a signed `handoff.queued` delivery when a customer asks for a person; a receiver that keeps
// failing gets retries (same delivery id) and then the webhook is switched off, with its log, the
// audit entry and "send again"; without WEBHOOKS_ALLOW_PRIVATE a loopback URL is refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { loginCookie, seedTenant, type SeededTenant } from "../../support/seed";
import { waitFor } from "../../support/wait";
import { verifySignature } from "@/lib/webhooks/signature";
import { connectWidget, loginAgent, publishDemoModel, type RecordingClient } from "../handoff/helpers";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that answers `status()` and records every request. */
async function receiver(status: () => number) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status(), { "content-type": "text/plain" }).end(status() < 300 ? "thanks" : "receiver is down");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/faqbot`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function apiKey(app: E2EApp, tenant: SeededTenant, scopes: string[]): Promise<string> {
  const cookie = await loginCookie(app.server.url, tenant.admin.email, tenant.admin.password);
  const res = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "Integrations", scopes }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

function v1(app: E2EApp, key: string) {
  return async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${app.server.url}/api/v1${path}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: { authorization: `Bearer ${key}`, ...(init.body ? { "content-type": "application/json" } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
}

describe("webhooks (WEBHOOKS_ALLOW_PRIVATE=true for the local receiver)", () => {
  let app: E2EApp;
  let tenant: SeededTenant;
  let call: ReturnType<typeof v1>;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    app = await startE2EApp({ env: { WEBHOOKS_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_BASE_MS: "100", WEBHOOK_MAX_ATTEMPTS: "3", WEBHOOK_DISABLE_AFTER: "3", WEBHOOK_TIMEOUT_MS: "2000" } });
    tenant = await seedTenant(app.db);
    await publishDemoModel(app, tenant.tenantId);
    call = v1(app, await apiKey(app, tenant, ["webhooks:read", "webhooks:write"]));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await app?.close();
  });

  it("delivers a signed handoff.queued when a customer asks for a person", async () => {
    const hook = await receiver(() => 200);
    try {
      const created = await call("/webhooks", { body: { url: hook.url, events: ["handoff.queued"], description: "CRM" } });
      expect(created.status).toBe(201);
      expect(created.json.secret).toMatch(/^whsec_/);
      expect(created.json.webhook).toMatchObject({ url: hook.url, events: ["handoff.queued"], enabled: true });
      const secret: string = created.json.secret;
      // The secret is returned once: never in lists.
      expect(JSON.stringify((await call("/webhooks")).json)).not.toContain(secret);

      const agent = await loginAgent(app, tenant.agent);
      clients.push(agent);
      const w = await connectWidget(app.server.url, tenant.widgetKey);
      clients.push(w);
      await w.send("I want to talk to a human");
      await w.waitFor<{ state: string }>("handoff:status", (s) => s.state === "queued");
      const conversationId = await w.conversationId();

      await waitFor("the receiver to get the delivery", () => hook.received.length >= 1, { timeout: 15_000 });
      const [got] = hook.received;
      expect(got!.headers["content-type"]).toBe("application/json");
      expect(got!.headers["x-faqbot-event"]).toBe("handoff.queued");
      expect(verifySignature(secret, got!.body, got!.headers["x-faqbot-signature"] as string)).toBe(true);
      const body = JSON.parse(got!.body);
      expect(body).toMatchObject({ event: "handoff.queued", tenantId: tenant.tenantId, data: { conversationId, reason: "customer_request" } });
      expect(body.id).toMatch(/^evt_/);
      expect(new Date(body.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

      // Only the subscribed event (not the customer's message, nor the new conversation).
      expect(hook.received.every((r) => r.headers["x-faqbot-event"] === "handoff.queued")).toBe(true);

      // The delivery log names it, with the receiver's answer.
      const log = await waitFor("the log to show it delivered", async () => {
        const r = await call(`/webhooks/${created.json.webhook.id}/deliveries`);
        return r.json.deliveries?.[0]?.status === "delivered" ? r.json : null;
      });
      expect(log.deliveries[0]).toMatchObject({ id: got!.headers["x-faqbot-delivery"], event: "handoff.queued", attempts: 1, responseStatus: 200, responseBody: "thanks", eventId: body.id });
    } finally {
      await hook.close();
    }
  });

  it("retries a failing receiver, then switches the webhook off; send again works once it is back on", async () => {
    let answer = 500;
    const hook = await receiver(() => answer);
    try {
      const created = await call("/webhooks", { body: { url: hook.url, events: ["conversation.created"] } });
      expect(created.status).toBe(201);
      const id: string = created.json.webhook.id;

      const w = await connectWidget(app.server.url, tenant.widgetKey);
      clients.push(w);
      await w.send("Hello there");

      await waitFor("three attempts", () => hook.received.length >= 3, { timeout: 20_000 });
      const deliveryIds = new Set(hook.received.map((r) => r.headers["x-faqbot-delivery"]));
      expect(deliveryIds.size).toBe(1);
      expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);

      const off = await waitFor("the webhook to be switched off", async () => {
        const r = await call(`/webhooks/${id}`);
        return r.json.webhook.enabled === false ? r.json.webhook : null;
      });
      expect(off.disabledReason).toMatch(/failed delivery attempts in a row/);
      const log = (await call(`/webhooks/${id}/deliveries`)).json;
      expect(log.deliveries[0]).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500, error: "HTTP 500", responseBody: "receiver is down" });
      expect(await app.db.auditLog.count({ where: { tenantId: tenant.tenantId, action: "webhook.disabled", target: id } })).toBe(1);

      // A disabled webhook gets nothing new.
      const w2 = await connectWidget(app.server.url, tenant.widgetKey);
      clients.push(w2);
      await w2.send("Hi again");
      expect((await call(`/webhooks/${id}/deliveries`)).json.total).toBe(1);

      // Send again is refused while it is off; switched on (failures cleared) it goes out.
      const refused = await call(`/webhooks/${id}/deliveries/${log.deliveries[0].id}/redeliver`, { method: "POST" });
      expect(refused.status).toBe(409);
      answer = 200;
      expect((await call(`/webhooks/${id}`, { method: "PATCH", body: { enabled: true } })).json.webhook).toMatchObject({ enabled: true, failureCount: 0, disabledReason: null });
      const again = await call(`/webhooks/${id}/deliveries/${log.deliveries[0].id}/redeliver`, { method: "POST" });
      expect(again.status).toBe(201);
      expect(again.json.delivery).toMatchObject({ redeliveryOf: log.deliveries[0].id, eventId: log.deliveries[0].eventId });
      await waitFor("the delivery sent again", async () => (await call(`/webhooks/${id}/deliveries?status=delivered`)).json.total === 1);
      expect(hook.received.at(-1)!.body).toBe(hook.received[0]!.body);
    } finally {
      await hook.close();
    }
  });

  it("gives admins the same in the console: page, delivery log with response codes, send again, switch off", async () => {
    const cookie = await loginCookie(app.server.url, tenant.admin.email, tenant.admin.password);
    const admin = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const res = await fetch(`${app.server.url}${path}`, {
        method: init.method ?? (init.body ? "POST" : "GET"),
        headers: { cookie, ...(init.body ? { "content-type": "application/json" } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const list = (await admin("/api/admin/webhooks")).json.webhooks as { id: string; url: string; events: string[] }[];
    const queued = list.find((h) => h.events.includes("handoff.queued"))!;
    expect(queued).toBeTruthy();

    // The page lists the webhooks (server-rendered), never their secrets.
    const page = await fetch(`${app.server.url}/admin/webhooks`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(queued.url);
    expect(html).toContain("Add a webhook");
    expect(html).not.toMatch(/whsec_/);

    const log = (await admin(`/api/admin/webhooks/${queued.id}/deliveries`)).json;
    expect(log.deliveries[0]).toMatchObject({ status: "delivered", responseStatus: 200 });
    const again = await admin(`/api/admin/webhooks/${queued.id}/deliveries/${log.deliveries[0].id}/redeliver`, { method: "POST", body: {} });
    expect(again.status).toBe(201);
    expect((await admin("/api/admin/audit")).status).toBe(200);

    const off = await admin(`/api/admin/webhooks/${queued.id}`, { method: "PATCH", body: { enabled: false } });
    expect(off.json.webhook).toMatchObject({ enabled: false, disabledReason: "Switched off by an admin." });
    expect((await admin(`/api/admin/webhooks/${queued.id}`, { method: "PATCH", body: {} })).status).toBe(422);
    expect((await admin(`/api/admin/webhooks/${queued.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await app.db.webhookDelivery.count({ where: { webhookId: queued.id } })).toBe(0);
  });

  it("explains bad input precisely", async () => {
    const noEvents = await call("/webhooks", { body: { url: "https://hooks.example.com/x", events: [] } });
    expect(noEvents.status).toBe(422);
    expect(noEvents.json.error.message).toMatch(/events: Choose at least one event/);
    const unknown = await call("/webhooks", { body: { url: "https://hooks.example.com/x", events: ["order.shipped"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toMatch(/Unknown event/);
    expect((await call("/webhooks/nope")).status).toBe(404);
  });
});

describe("webhooks without WEBHOOKS_ALLOW_PRIVATE", () => {
  let app: E2EApp;
  let tenant: SeededTenant;

  beforeAll(async () => {
    app = await startE2EApp();
    tenant = await seedTenant(app.db);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("refuses loopback, private and link-local URLs, and needs the webhooks scope", async () => {
    const call = v1(app, await apiKey(app, tenant, ["webhooks:read", "webhooks:write"]));
    for (const url of ["http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://169.254.169.254/latest/meta-data", "https://192.168.1.20/hook"]) {
      const r = await call("/webhooks", { body: { url, events: ["handoff.queued"] } });
      expect(r.status, url).toBe(422);
      expect(r.json.error.message).toMatch(/private, loopback or link-local address/);
    }
    expect(await app.db.webhook.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

    const readOnly = v1(app, await apiKey(app, tenant, ["faq:read"]));
    const denied = await readOnly("/webhooks", { body: { url: "https://hooks.example.com/x", events: ["handoff.queued"] } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatch(/webhooks:write/);
  });
});

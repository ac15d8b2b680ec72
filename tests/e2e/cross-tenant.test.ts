// An agent or admin of tenant A can neither read nor change tenant B's data, over HTTP or
// Socket.IO. Every lookup below would succeed if the tenant guard (lib/tenancy/guard.ts) were
// removed, so this test fails without it. Both workspaces are created through sign-up, with their
// admin and agent invited by link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { loginCookie, type SeededTenant } from "../support/seed";
import { signUpTenant } from "../support/signup";

let app: E2EApp;
let a: SeededTenant;
let b: SeededTenant;
let bConversationId: string;
let bCannedId: string;
let cookieA: string;
let adminCookieA: string;

beforeAll(async () => {
  app = await startE2EApp();
  a = await signUpTenant(app, { name: "Tenant A" });
  b = await signUpTenant(app, { name: "Tenant B" });
  const visitor = await app.db.visitor.create({ data: { tenantId: b.tenantId } });
  const conv = await app.db.conversation.create({ data: { tenantId: b.tenantId, visitorId: visitor.id } });
  await app.db.message.create({ data: { tenantId: b.tenantId, conversationId: conv.id, seq: 1, role: "customer", text: "B's secret question" } });
  bConversationId = conv.id;
  bCannedId = (await app.db.cannedResponse.create({ data: { tenantId: b.tenantId, shortcut: "b-only", text: "B's canned text" } })).id;
  cookieA = await loginCookie(app.server.url, a.agent.email, a.agent.password);
  adminCookieA = await loginCookie(app.server.url, a.admin.email, a.admin.password);
});

afterAll(async () => {
  await app?.close();
});

const get = (path: string, cookie: string) => fetch(`${app.server.url}${path}`, { headers: { cookie } });

describe("tenant isolation over HTTP", () => {
  it("hides B's conversation from A's agent (detail and list)", async () => {
    const res = await get(`/api/conversations/${bConversationId}`, cookieA);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("secret");
    const list = await (await get("/api/conversations", cookieA)).json();
    expect(list.conversations.map((c: { id: string }) => c.id)).not.toContain(bConversationId);
  });

  it("hides B's canned responses from A and refuses to change or delete them", async () => {
    const list = await (await get("/api/canned-responses", cookieA)).json();
    expect(JSON.stringify(list)).not.toContain("b-only");
    const patch = await fetch(`${app.server.url}/api/canned-responses/${bCannedId}`, {
      method: "PATCH",
      headers: { cookie: adminCookieA, "content-type": "application/json" },
      body: JSON.stringify({ text: "overwritten by A" }),
    });
    expect(patch.status).toBe(404);
    const del = await fetch(`${app.server.url}/api/canned-responses/${bCannedId}`, { method: "DELETE", headers: { cookie: adminCookieA } });
    expect(del.status).toBe(404);
    const row = await app.db.cannedResponse.findUnique({ where: { id: bCannedId } });
    expect(row?.text).toBe("B's canned text");
  });

  it("shows A's admin console with A's tenant only", async () => {
    const html = await (await get("/admin", adminCookieA)).text();
    expect(html).toContain("Tenant A");
    expect(html).not.toContain("Tenant B");
  });

  it("refuses tenant routes without a session and admin routes to an agent", async () => {
    expect((await fetch(`${app.server.url}/api/conversations`)).status).toBe(401);
    const res = await fetch(`${app.server.url}/api/canned-responses`, {
      method: "POST",
      headers: { cookie: cookieA, "content-type": "application/json" },
      body: JSON.stringify({ shortcut: "x", text: "y" }),
    });
    expect(res.status).toBe(403);
  });
});

describe("tenant isolation over Socket.IO", () => {
  it("does not let A's agent follow B's conversation", async () => {
    const socket = connect(`${app.server.url}/agent`, { transports: ["websocket"], extraHeaders: { cookie: cookieA } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on("connect", () => resolve());
        socket.on("connect_error", reject);
      });
      const res = await socket.timeout(5000).emitWithAck("conversation:watch", { conversationId: bConversationId });
      expect(res).toMatchObject({ error: { code: "not_found" } });
    } finally {
      socket.close();
    }
  });

  it("refuses an agent socket without a session", async () => {
    const socket = connect(`${app.server.url}/agent`, { transports: ["websocket"], reconnection: false });
    const err = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    socket.close();
    expect(err.message).toMatch(/sign in/i);
  });
});

// Regressions for problems found in review: a double "talk to a person" creates one handoff and a
// claimable conversation; two quick questions both get their own reply; a console whose session
// ended loses its powers; a spoofed X-Forwarded-For does not lift the login throttle, and a
// stranger's guesses cannot lock the owner out of a browser they signed in from before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { loginCookie, seedTenant, type SeededTenant } from "../../support/seed";
import { connectAgent, connectWidget, loginAgent } from "../handoff/helpers";

let app: E2EApp;
let t: SeededTenant;

beforeAll(async () => {
  app = await startE2EApp({ env: { TRUST_PROXY: "true" } });
  t = await seedTenant(app.db, { name: "Review regressions" });
});

afterAll(async () => {
  await app?.close();
});

describe("handoff requests at the same moment", () => {
  it("create one handoff, and the conversation can be claimed", async () => {
    const agent = await loginAgent(app, t.agent);
    const widget = await connectWidget(app.server.url, t.widgetKey);
    try {
      await widget.call("sync", { afterSeq: 0 });
      const [a, b] = await Promise.all([widget.call("handoff:request", {}), widget.call("handoff:request", {})]);
      expect([a.handoff.state, b.handoff.state]).toEqual(["queued", "queued"]);
      const conversationId = await widget.conversationId();
      expect(await app.db.handoff.count({ where: { conversationId } })).toBe(1);
      expect(await agent.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
      expect((await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).status).toBe("assigned");
    } finally {
      widget.socket.close();
      agent.socket.close();
    }
  });
});

describe("two questions sent back to back", () => {
  it("each get their own reply", async () => {
    const widget = await connectWidget(app.server.url, "pk_demo");
    try {
      await widget.call("sync", { afterSeq: 0 });
      const [a, b] = await Promise.all([
        widget.call("message:send", { clientMessageId: "quick-question-a", text: "How much does shipping cost?" }),
        widget.call("message:send", { clientMessageId: "quick-question-b", text: "Which payment methods do you accept?" }),
      ]);
      for (const m of [a.message, b.message]) await widget.waitFor("bot:done", (p: { replyTo: string }) => p.replyTo === m.id);
      const replies = await app.db.message.findMany({ where: { conversationId: (await app.db.message.findUniqueOrThrow({ where: { id: a.message.id } })).conversationId, role: "bot" } });
      const answered = replies.map((r) => (r.metadata as { replyTo?: string }).replyTo);
      expect(answered).toContain(a.message.id);
      expect(answered).toContain(b.message.id);
    } finally {
      widget.socket.close();
    }
  });
});

describe("a console whose session ended", () => {
  it("can no longer act, and is disconnected", async () => {
    const cookie = await loginCookie(app.server.url, t.admin.email, t.admin.password);
    const console = await connectAgent(app.server.url, cookie, { online: false });
    try {
      expect(await console.call("queue:list", {})).toMatchObject({ ok: true });
      const out = await fetch(`${app.server.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
      expect(out.status).toBe(200);
      await expect.poll(() => console.socket.connected, { timeout: 10_000 }).toBe(false);
    } finally {
      console.socket.close();
    }
  });
});

describe("login throttling behind a proxy", () => {
  it("is not lifted by a client-chosen X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${app.server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ email: t.agent.email, password: `guess-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });
});

describe("login lock-out", () => {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${app.server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password }) });

  it("slows a stranger down without locking the owner out of a known device", async () => {
    const owner = await seedTenant(app.db, { name: "Lock-out" });
    const first = await login(owner.admin.email, owner.admin.password, { "x-forwarded-for": "198.51.100.7" });
    expect(first.status).toBe(200);
    const device = first.headers.getSetCookie().find((c) => c.startsWith("faqbot_device="))!.split(";")[0]!;
    expect(device).toBeTruthy();

    // 40 wrong passwords from many addresses: the stranger is throttled…
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login(owner.admin.email, `guess-${i}`, { "x-forwarded-for": `192.0.2.${i}` })).status);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    // …and so is the right password from a browser that never signed in (it could be the attacker's).
    expect((await login(owner.admin.email, owner.admin.password, { "x-forwarded-for": "192.0.2.200" })).status).toBe(429);

    // The owner's browser still signs in, even from a new address.
    const again = await login(owner.admin.email, owner.admin.password, { "x-forwarded-for": "203.0.113.99", cookie: device });
    expect(again.status).toBe(200);
    // A device cookie of another account does not help.
    expect((await login(owner.agent.email, "wrong", { "x-forwarded-for": "192.0.2.201", cookie: device })).status).toBe(401);
    // The known device has its own budget: guesses through it are throttled too.
    const viaDevice: number[] = [];
    for (let i = 0; i < 7; i++) viaDevice.push((await login(owner.admin.email, `device-guess-${i}`, { "x-forwarded-for": "203.0.113.99", cookie: device })).status);
    expect(viaDevice.at(-1)).toBe(429);
  });
});

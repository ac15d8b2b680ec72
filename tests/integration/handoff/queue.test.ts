// The queue as agents and waiting customers live it, against the real server: two agents claim
// the same customer at the same moment (exactly one gets them), the order is priority then first
// come first served with a position and estimated wait for everyone, the queue survives a server
// restart, nobody online means an honest "leave a message" with tickets agents can close, and an
// agent who disappears gives their customers back — at the front of the queue — after the grace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { seedTenant } from "../../support/seed";
import { addAgent, connectWidget, loginAgent, type RecordingClient, type WidgetClient } from "./helpers";

let app: E2EApp;
const clients: RecordingClient[] = [];

beforeAll(async () => {
  app = await startE2EApp();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
});

function track<T extends RecordingClient>(c: T): T {
  clients.push(c);
  return c;
}

interface Status {
  state: string;
  position?: number;
  etaSeconds?: number | null;
  reason?: string;
  agentName?: string | null;
}

/** A new customer on the tenant's site who writes `text` and ends up queued. */
async function queuedCustomer(key: string, text: string): Promise<{ w: WidgetClient; conversationId: string }> {
  const w = track(await connectWidget(app.server.url, key));
  await w.send(text);
  await w.waitFor<Status>("handoff:status", (s) => s.state === "queued");
  return { w, conversationId: await w.conversationId() };
}

describe("claiming", () => {
  it("gives a customer to exactly one of two agents who claim at the same moment", async () => {
    const tenant = await seedTenant(app.db);
    const second = await addAgent(app.db, tenant.tenantId, "Second Agent");
    const a = track(await loginAgent(app, tenant.agent));
    const b = track(await loginAgent(app, second));
    const visitor = track(await connectWidget(app.server.url, tenant.widgetKey));
    expect((await visitor.call("sync", { afterSeq: 0 })).config).toMatchObject({ teamAvailable: true });
    for (let round = 0; round < 3; round++) {
      const { w, conversationId } = await queuedCustomer(tenant.widgetKey, `human please (${round})`);
      const [ra, rb] = await Promise.all([a.call("handoff:claim", { conversationId }), b.call("handoff:claim", { conversationId })]);
      const results = [ra, rb];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const lost = results.find((r) => !r.ok);
      expect(lost.error.code).toBe("conflict");
      expect(lost.error.message).toMatch(/another agent/i);
      const winner = ra.ok ? tenant.agent.id : second.id;
      const handoffs = await app.db.handoff.findMany({ where: { conversationId } });
      expect(handoffs).toHaveLength(1);
      expect(handoffs[0]).toMatchObject({ status: "claimed", claimedById: winner });
      expect(await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ status: "assigned", assignedAgentId: winner });
      expect(await app.db.message.count({ where: { conversationId, role: "system", text: { contains: "joined" } } })).toBe(1);
      const status = await w.waitFor<Status>("handoff:status", (s) => s.state === "assigned");
      expect(status.agentName).toBe(ra.ok ? `Agent ${tenant.slug.slice(2)}` : "Second Agent");
      expect((await a.queue()).queue.map((q) => q.conversationId)).not.toContain(conversationId);
      await (ra.ok ? a : b).call("handoff:resolve", { conversationId });
    }
  });

  it("never gives an agent more chats than their maximum, even for simultaneous claims", async () => {
    const tenant = await seedTenant(app.db);
    await app.db.user.update({ where: { id: tenant.agent.id }, data: { maxChats: 1 } });
    // Queued directly, so no agent is online to take them automatically.
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const visitor = await app.db.visitor.create({ data: { tenantId: tenant.tenantId } });
      const conv = await app.db.conversation.create({ data: { tenantId: tenant.tenantId, visitorId: visitor.id, status: "queued", owner: "bot" } });
      await app.db.handoff.create({ data: { tenantId: tenant.tenantId, conversationId: conv.id, reason: "customer_request" } });
      ids.push(conv.id);
    }
    const agent = track(await loginAgent(app, tenant.agent, { online: false }));
    const results = await Promise.all(ids.map((conversationId) => agent.call("handoff:claim", { conversationId })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.error.message).toMatch(/your maximum/);
    expect(await app.db.conversation.count({ where: { tenantId: tenant.tenantId, assignedAgentId: tenant.agent.id, status: "assigned" } })).toBe(1);
  });
});

describe("the queue", () => {
  /**
   * A new tenant whose one agent takes a chat at a time, and four customers queued in order of
   * arrival: no trained model (priority 0), asks for a person (1), frustrated (2), no model again (0).
   */
  async function fourWaiting() {
    const tenant = await seedTenant(app.db);
    // One chat at a time: later places get a real estimated wait, not "right away".
    await app.db.user.update({ where: { id: tenant.agent.id }, data: { maxChats: 1 } });
    const agent = track(await loginAgent(app, tenant.agent));
    const texts = ["Do you ship to Canada?", "human please", "WHERE IS MY ORDER? NOTHING HAS ARRIVED!!!", "Where is your warehouse?"];
    const arrivals: { w: WidgetClient; conversationId: string }[] = [];
    for (const text of texts) arrivals.push(await queuedCustomer(tenant.widgetKey, text));
    const [noModel, person, frustrated, noModelAgain] = arrivals.map((a) => a.conversationId);
    return { tenant, agent, arrivals, expected: [frustrated!, person!, noModel!, noModelAgain!] };
  }

  it("is ordered by priority, then first come first served, with a place and wait for everyone", async () => {
    const { agent, arrivals, expected } = await fourWaiting();
    const { queue } = await agent.queue();
    expect(queue.map((q) => q.conversationId)).toEqual(expected);
    expect(queue.map((q) => q.position)).toEqual([1, 2, 3, 4]);
    expect(queue.map((q) => q.reason)).toEqual(["frustration", "customer_request", "no_model", "no_model"]);

    // Every waiting customer was told their current place (updates follow each arrival).
    const etas: number[] = [];
    for (const [i, id] of expected.entries()) {
      const { w } = arrivals.find((a) => a.conversationId === id)!;
      const s = await w.waitFor<Status>("handoff:status", (st) => st.state === "queued" && st.position === i + 1);
      expect(typeof s.etaSeconds).toBe("number");
      etas.push(s.etaSeconds!);
    }
    expect(etas[0]).toBe(0);
    expect(etas[3]).toBeGreaterThan(etas[1]!);
  });

  it("survives a server restart and can be claimed afterwards", async () => {
    const { tenant, agent, arrivals, expected: order } = await fourWaiting();
    for (const { w } of arrivals) w.close();
    agent.close();
    await app.server.restart();

    const again = track(await loginAgent(app, tenant.agent));
    const { queue } = await again.queue();
    expect(queue.map((q) => q.conversationId)).toEqual(order);
    expect(queue[0].lastMessage).toBe("WHERE IS MY ORDER? NOTHING HAS ARRIVED!!!");

    // The first customer comes back (same visitor token) and learns they are still first.
    const original = arrivals.find((a) => a.conversationId === order[0])!.w;
    const back = track(await connectWidget(app.server.url, tenant.widgetKey, original.visitorToken!));
    const sync = await back.call("sync", { afterSeq: 0 });
    expect(sync).toMatchObject({ ok: true, conversationId: order[0], handoff: { state: "queued", position: 1 } });

    expect(await again.call("handoff:claim", { conversationId: order[0] })).toMatchObject({ ok: true });
    await back.waitFor<Status>("handoff:status", (s) => s.state === "assigned");
    expect((await again.queue()).queue.map((q) => q.conversationId)).toEqual(order.slice(1));
  });
});

describe("when nobody is available", () => {
  it("says so and takes a message that agents see and close", async () => {
    const tenant = await seedTenant(app.db);
    const w = track(await connectWidget(app.server.url, tenant.widgetKey));
    // The widget's header says the team is away before the customer asks (not a bare "Online").
    expect((await w.call("sync", { afterSeq: 0 })).config).toMatchObject({ teamAvailable: false });
    await w.send("human please");
    const status = await w.waitFor<Status>("handoff:status", (s) => s.state === "offline");
    expect(status.reason).toBe("no_agents");
    const notice = await w.waitFor<{ role: string; kind: string; text: string }>("message", (m) => m.kind === "offline");
    expect(notice.text).toMatch(/no one from our team is available/i);
    const conversationId = await w.conversationId();
    expect(await app.db.handoff.count({ where: { conversationId } })).toBe(0);

    expect(await w.call("offline:ticket", { email: "not-an-email", message: "x" })).toMatchObject({ error: { code: "validation_failed" } });
    const res = await w.call("offline:ticket", { email: "ana@example.com", message: "Please call me back about order 1234." });
    expect(res).toMatchObject({ ok: true, ticketId: expect.any(String) });
    expect(await app.db.offlineTicket.findUniqueOrThrow({ where: { id: res.ticketId } })).toMatchObject({ tenantId: tenant.tenantId, conversationId, email: "ana@example.com", status: "open" });

    const since = w.mark();
    const agent = track(await loginAgent(app, tenant.agent));
    // The open widget hears at once that someone is there now (its header changes).
    await w.waitFor<{ available: boolean }>("team:availability", (e) => e.available === true, since);
    const { tickets } = await agent.queue();
    expect(tickets).toEqual([expect.objectContaining({ id: res.ticketId, email: "ana@example.com", message: "Please call me back about order 1234.", conversationId })]);
    // This server has no SMTP_URL: answering by e-mail is refused with what to do instead, and the ticket stays open.
    const byMail = await agent.call("ticket:reply", { ticketId: res.ticketId, text: "We will call you today." });
    expect(byMail).toMatchObject({ error: { code: "conflict" } });
    expect(byMail.error.message).toMatch(/E-mail is not configured.*own mail program/);
    expect((await agent.queue()).tickets.map((t) => t.id)).toEqual([res.ticketId]);
    expect(await agent.call("ticket:close", { ticketId: res.ticketId })).toMatchObject({ ok: true });
    expect((await agent.queue()).tickets).toEqual([]);
    expect(await agent.call("ticket:close", { ticketId: res.ticketId })).toMatchObject({ error: { code: "not_found" } });
    expect((await app.db.offlineTicket.findUniqueOrThrow({ where: { id: res.ticketId } })).status).toBe("closed");
  });
});

describe("a customer who asks to be written to", () => {
  it("gets the e-mail form at once, even with an agent online, and is not queued", async () => {
    const tenant = await seedTenant(app.db);
    track(await loginAgent(app, tenant.agent));
    const w = track(await connectWidget(app.server.url, tenant.widgetKey));
    await w.send("can someone email me back about my order?");
    expect(await w.waitFor<Status>("handoff:status", (s) => s.state === "offline")).toMatchObject({ reason: "in_writing" });
    expect((await w.waitFor<{ kind: string; text: string }>("message", (m) => m.kind === "offline")).text).toMatch(/leave your e-mail address/i);
    expect(await app.db.handoff.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
    // Asking for a chat with a person still queues.
    const v = track(await connectWidget(app.server.url, tenant.widgetKey));
    await v.send("human please");
    await v.waitFor<Status>("handoff:status", (s) => s.state === "queued");
  });
});

describe("outside business hours", () => {
  it("says the team is closed even when an agent is online", async () => {
    const closed = { timezone: "UTC", days: [null, null, null, null, null, null, null] };
    const tenant = await seedTenant(app.db, { settings: { businessHours: closed } });
    track(await loginAgent(app, tenant.agent));
    const w = track(await connectWidget(app.server.url, tenant.widgetKey));
    await w.send("human please");
    expect(await w.waitFor<Status>("handoff:status", (s) => s.state === "offline")).toMatchObject({ reason: "closed" });
    expect((await w.waitFor<{ kind: string; text: string }>("message", (m) => m.kind === "offline")).text).toMatch(/outside our business hours/i);
    expect(await app.db.handoff.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it("uses the workspace's own wording for it when it wrote one", async () => {
    const closed = { timezone: "UTC", days: [null, null, null, null, null, null, null] };
    const tenant = await seedTenant(app.db, { settings: { businessHours: closed, botTexts: { offlineClosed: { en: "The bike shop is closed; leave us a note." } } } });
    const w = track(await connectWidget(app.server.url, tenant.widgetKey));
    await w.send("human please");
    expect((await w.waitFor<{ kind: string; text: string }>("message", (m) => m.kind === "offline")).text).toBe("The bike shop is closed; leave us a note.");
  });
});

describe("round-robin assignment", () => {
  it("gives each new customer to the online agent with the fewest chats", async () => {
    const tenant = await seedTenant(app.db, { settings: { handoffMode: "round_robin" } });
    const colleague = await addAgent(app.db, tenant.tenantId, "Round Robin");
    const a = track(await loginAgent(app, tenant.agent));
    const b = track(await loginAgent(app, colleague));
    const assigned: string[] = [];
    for (const text of ["human please", "I want to talk to a person"]) {
      const w = track(await connectWidget(app.server.url, tenant.widgetKey));
      await w.send(text);
      await w.waitFor<Status>("handoff:status", (s) => s.state === "assigned");
      const conversationId = await w.conversationId();
      const conv = await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
      expect(conv.status).toBe("assigned");
      assigned.push(conv.assignedAgentId!);
      const owner = conv.assignedAgentId === tenant.agent.id ? a : b;
      expect(await owner.waitFor("handoff:assigned", (p: { conversationId: string }) => p.conversationId === conversationId)).toEqual({ conversationId });
    }
    expect(new Set(assigned)).toEqual(new Set([tenant.agent.id, colleague.id]));
    expect((await a.queue()).queue).toEqual([]);
  });
});

describe("an agent who disconnects", () => {
  it("is away at once for new customers (the widget hears the team is away), and online again when the console sets it", async () => {
    const tenant = await seedTenant(app.db);
    const agent = track(await loginAgent(app, tenant.agent));
    const w = track(await connectWidget(app.server.url, tenant.widgetKey));
    expect((await w.call("sync", { afterSeq: 0 })).config).toMatchObject({ teamAvailable: true });
    const since = w.mark();
    agent.close();
    await w.waitFor<{ available: boolean }>("team:availability", (e) => e.available === false, since);
    expect(await app.db.user.findUniqueOrThrow({ where: { id: tenant.agent.id } })).toMatchObject({ presence: "away" });
    await w.send("human please");
    expect(await w.waitFor<Status>("handoff:status", (s) => s.state === "offline")).toMatchObject({ reason: "no_agents" });
    const back = track(await loginAgent(app, tenant.agent));
    expect(await back.call("presence:set", { presence: "online" })).toMatchObject({ ok: true });
    expect((await w.call("sync", { afterSeq: 0 })).config).toMatchObject({ teamAvailable: true });
  });

  it("gets their customers back in the queue, at the front, after the grace period", async () => {
    const tenant = await seedTenant(app.db, { settings: { agentGraceSeconds: 5 } });
    const colleague = await addAgent(app.db, tenant.tenantId, "Colleague");
    const leaving = track(await loginAgent(app, tenant.agent));
    const staying = track(await loginAgent(app, colleague));

    const first = await queuedCustomer(tenant.widgetKey, "human please");
    expect(await leaving.call("handoff:claim", { conversationId: first.conversationId })).toMatchObject({ ok: true });
    await first.w.waitFor<Status>("handoff:status", (s) => s.state === "assigned");
    // Meanwhile a frustrated customer (high priority) is waiting.
    const other = await queuedCustomer(tenant.widgetKey, "WHERE IS MY ORDER? NOTHING HAS ARRIVED!!!");

    const since = staying.mark();
    const customerSince = first.w.mark();
    leaving.close();
    // The colleague's console refetches on every queue change: the one after the grace brings it back, first.
    const now = await staying.waitForQueue((r) => r.queue.some((q) => q.conversationId === first.conversationId), since);
    expect(now.queue.map((q) => q.conversationId)).toEqual([first.conversationId, other.conversationId]);
    const back = await first.w.waitFor<Status>("handoff:status", (s) => s.state === "queued", customerSince);
    expect(back.position).toBe(1);
    expect(await app.db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).toMatchObject({ status: "queued", assignedAgentId: null });
    expect(await app.db.user.findUniqueOrThrow({ where: { id: tenant.agent.id } })).toMatchObject({ presence: "offline" });

    // The colleague takes over and the customer's history is intact.
    expect(await staying.call("handoff:claim", { conversationId: first.conversationId })).toMatchObject({ ok: true });
    const open = await staying.call("conversation:open", { conversationId: first.conversationId });
    expect(open.conversation.messages.map((m: { role: string }) => m.role)).toContain("customer");
  });
});

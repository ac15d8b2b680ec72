// A conversation once a person has it, against the real server: the bot stays silent, agent and
// customer talk live both ways, internal notes never reach the customer, transfer and resolve
// reach the customer too (resolve asks for a rating), and an agent of another tenant can neither
// see, claim, open nor write to the conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { seedTenant, type SeededTenant } from "../../support/seed";
import { addAgent, connectWidget, loginAgent, publishDemoModel, type AgentClient, type RecordingClient, type WidgetClient } from "./helpers";

let app: E2EApp;
let tenant: SeededTenant;
let agent: AgentClient;
const clients: RecordingClient[] = [];

beforeAll(async () => {
  app = await startE2EApp();
  tenant = await seedTenant(app.db);
  await publishDemoModel(app, tenant.tenantId);
  agent = await loginAgent(app, tenant.agent);
  clients.push(agent);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
});

interface Status {
  state: string;
  agentName?: string | null;
}

/** A customer who asked for a person and was claimed by `by`. */
async function claimedCustomer(by: AgentClient = agent): Promise<{ w: WidgetClient; conversationId: string }> {
  const w = await connectWidget(app.server.url, tenant.widgetKey);
  clients.push(w);
  await w.send("I want to talk to a human");
  await w.waitFor<Status>("handoff:status", (s) => s.state === "queued");
  const conversationId = await w.conversationId();
  expect(await by.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
  await w.waitFor<Status>("handoff:status", (s) => s.state === "assigned");
  return { w, conversationId };
}

const botEventsFor = (w: WidgetClient, replyTo: string) => w.events.filter((e) => e.event.startsWith("bot:") && (e.args[0] as { replyTo?: string }).replyTo === replyTo);

describe("with a person in the conversation", () => {
  it("keeps the bot silent and carries messages both ways live", async () => {
    const { w, conversationId } = await claimedCustomer();
    const agentSince = agent.mark();
    // A question the bot would answer at once if it still owned the conversation.
    const asked = await w.send("How much does shipping cost?");
    const received = await agent.waitFor<{ conversationId: string; message: { id: string; role: string; text: string } }>(
      "conversation:message",
      (p) => p.message.id === asked.message.id,
      agentSince,
    );
    expect(received).toMatchObject({ conversationId, message: { role: "customer", text: "How much does shipping cost?" } });

    const reply = await agent.call("agent:message", { conversationId, clientMessageId: "agent-reply-0001", text: "Free over $50 — <b>not bold</b>" });
    expect(reply).toMatchObject({ ok: true, message: { role: "agent", text: "Free over $50 — <b>not bold</b>" } });
    const shown = await w.waitFor<{ role: string; text: string; authorName: string }>("message", (m) => m.role === "agent");
    expect(shown).toMatchObject({ text: "Free over $50 — <b>not bold</b>", authorName: `Agent ${tenant.slug.slice(2)}` });
    // The same client id again (a retry) is stored once.
    await agent.call("agent:message", { conversationId, clientMessageId: "agent-reply-0001", text: "Free over $50 — <b>not bold</b>" });
    expect(await app.db.message.count({ where: { conversationId, role: "agent" } })).toBe(1);

    // Typing indicators both ways.
    w.socket.emit("typing", { typing: true });
    expect(await agent.waitFor("customer:typing", (p: { conversationId: string }) => p.conversationId === conversationId)).toMatchObject({ typing: true });
    agent.socket.emit("agent:typing", { conversationId, typing: true });
    expect(await w.waitFor("agent:typing")).toMatchObject({ typing: true, name: `Agent ${tenant.slug.slice(2)}` });

    // Back to the bot: replies are produced in order per conversation, so once the next question
    // is answered, the turn for the question asked during the chat with the person is long done.
    expect(await agent.call("handoff:release", { conversationId })).toMatchObject({ ok: true });
    await w.waitFor<Status>("handoff:status", (s) => s.state === "none");
    const next = await w.send("How long does shipping take?");
    await w.waitFor<{ replyTo: string }>("bot:done", (d) => d.replyTo === next.message.id);
    expect(botEventsFor(w, asked.message.id)).toEqual([]);
    const botRows = await app.db.message.findMany({ where: { conversationId, role: "bot" } });
    expect(botRows.map((m) => (m.metadata as { replyTo?: string }).replyTo)).toEqual([next.message.id]);
    expect(await app.db.decision.count({ where: { messageId: asked.message.id } })).toBe(0);
  });

  it("never shows internal notes to the customer", async () => {
    const { w, conversationId } = await claimedCustomer();
    const secret = "Internal: customer was rude last week, offer no discount";
    const note = await agent.call("agent:note", { conversationId, text: secret });
    expect(note).toMatchObject({ ok: true, message: { role: "note", text: secret } });
    // Events reach one client in the order they were sent: once this reply arrives, a leaked
    // note would already have arrived too.
    await agent.call("agent:message", { conversationId, clientMessageId: "after-note-0001", text: "Let me check that for you." });
    await w.waitFor("message", (m: { text: string }) => m.text === "Let me check that for you.");
    expect(JSON.stringify(w.events)).not.toContain("rude last week");
    const sync = await w.call("sync", { afterSeq: 0 });
    expect(JSON.stringify(sync)).not.toContain("rude last week");
    // A widget that connects later (same visitor) does not get it either.
    const again = await connectWidget(app.server.url, tenant.widgetKey, w.visitorToken!);
    clients.push(again);
    expect(JSON.stringify(await again.call("sync", { afterSeq: 0 }))).not.toContain("rude last week");
    // Agents see it, marked as a note.
    const open = await agent.call("conversation:open", { conversationId });
    expect(open.conversation.messages).toContainEqual(expect.objectContaining({ role: "note", text: secret }));
  });

  it("transfers to a colleague and resolves with a rating", async () => {
    const colleague = await addAgent(app.db, tenant.tenantId, "Colleague Carla");
    const carla = await loginAgent(app, colleague);
    clients.push(carla);
    const { w, conversationId } = await claimedCustomer();

    const agents = await agent.call("agents:list");
    expect(agents.agents.map((a: { name: string }) => a.name)).toContain("Colleague Carla");
    expect(await agent.call("handoff:transfer", { conversationId, toAgentId: colleague.id })).toMatchObject({ ok: true });
    expect(await carla.waitFor("handoff:assigned")).toEqual({ conversationId });
    expect(await w.waitFor<Status>("handoff:status", (s) => s.agentName === "Colleague Carla")).toMatchObject({ state: "assigned" });
    // The first agent no longer owns it.
    expect(await agent.call("agent:message", { conversationId, clientMessageId: "too-late-00001", text: "still me?" })).toMatchObject({ error: { code: "forbidden" } });
    expect((await carla.queue()).mine.map((c) => c.conversationId)).toContain(conversationId);

    expect(await carla.call("handoff:resolve", { conversationId })).toMatchObject({ ok: true });
    await w.waitFor("rating:request");
    expect(await w.call("rating:submit", { score: 5, comment: "Carla was great" })).toMatchObject({ ok: true });
    expect(await app.db.rating.findFirst({ where: { conversationId } })).toMatchObject({ score: 5, comment: "Carla was great" });
    expect(await app.db.handoff.findFirst({ where: { conversationId } })).toMatchObject({ status: "resolved", claimedById: colleague.id });
  });
});

describe("an agent of another tenant", () => {
  it("can neither see, claim, open nor write to the conversation", async () => {
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    await w.send("human please, secret order 4242");
    await w.waitFor<Status>("handoff:status", (s) => s.state === "queued");
    const conversationId = await w.conversationId();

    const other = await seedTenant(app.db);
    const outsider = await loginAgent(app, other.agent);
    clients.push(outsider);
    const lists = await outsider.queue();
    expect(JSON.stringify(lists)).not.toContain(conversationId);
    expect(JSON.stringify(lists)).not.toContain("4242");
    expect(await outsider.call("handoff:claim", { conversationId })).toMatchObject({ error: { code: "not_found" } });
    expect(await outsider.call("conversation:open", { conversationId })).toMatchObject({ error: { code: "not_found" } });
    expect(await outsider.call("agent:note", { conversationId, text: "peek" })).toMatchObject({ error: { code: "not_found" } });
    expect(await outsider.call("agent:message", { conversationId, clientMessageId: "outsider-0001", text: "hi" })).toMatchObject({ error: { code: "not_found" } });
    expect(await outsider.call("handoff:release", { conversationId })).toMatchObject({ error: { code: "not_found" } });
    expect(await app.db.handoff.findFirst({ where: { conversationId } })).toMatchObject({ status: "queued", claimedById: null });
    expect(await app.db.message.count({ where: { conversationId, role: { in: ["agent", "note"] } } })).toBe(0);
    // The customer's own tenant still has it.
    expect((await agent.queue()).queue.map((q) => q.conversationId)).toContain(conversationId);
  });
});

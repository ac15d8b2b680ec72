// Every way a conversation reaches a person, against the real server: the customer asks for one
// (Spanish, English, or the widget's "talk to a person" button), the bot has no answer (a button
// first, the queue on the second unanswered question in a row — or at once when the tenant says
// so), the customer is frustrated (the same question again, shouting), or the tenant has no
// trained model. Each time the customer is told their place in line and the agents' queue shows
// the conversation with its reason. Insults get a calm reply and the offer of a person instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { seedTenant, type SeededTenant } from "../../support/seed";
import { connectWidget, loginAgent, patchTenantSettings, phrasesDecidedAs, publishDemoModel, UNCOVERED, type AgentClient, type WidgetClient } from "./helpers";

let app: E2EApp;
let tenant: SeededTenant;
let agent: AgentClient;
const widgets: WidgetClient[] = [];

beforeAll(async () => {
  app = await startE2EApp();
  tenant = await seedTenant(app.db);
  await publishDemoModel(app, tenant.tenantId);
  agent = await loginAgent(app, tenant.agent);
});

afterAll(async () => {
  agent?.close();
  for (const w of widgets) w.close();
  await app?.close();
});

async function customer(key = tenant.widgetKey): Promise<WidgetClient> {
  const w = await connectWidget(app.server.url, key);
  widgets.push(w);
  return w;
}

interface Status {
  state: string;
  position?: number;
  etaSeconds?: number | null;
}

/** Waits until the customer is told they are queued, then checks what the agents see. */
async function expectQueued(w: WidgetClient, reason: string) {
  const status = await w.waitFor<Status>("handoff:status", (s) => s.state === "queued");
  expect(status.position).toBeGreaterThanOrEqual(1);
  expect(typeof status.etaSeconds).toBe("number");
  const notice = await w.waitFor<{ role: string; kind: string; text: string }>("message", (m) => m.role === "system" && m.kind === "handoff_queued");
  expect(notice.text).toMatch(/(number|número) \d+/);
  const conversationId = await w.conversationId();
  const handoff = await app.db.handoff.findFirstOrThrow({ where: { conversationId } });
  expect(handoff).toMatchObject({ reason, status: "queued", tenantId: tenant.tenantId });
  const { queue } = await agent.queue();
  const item = queue.find((q) => q.conversationId === conversationId);
  expect(item).toMatchObject({ reason, position: status.position });
  return { conversationId, item, handoff };
}

describe("the customer asks for a person", () => {
  it("in Spanish", async () => {
    const w = await customer();
    const since = agent.mark();
    await w.send("Hola, quiero hablar con un agente");
    const { item } = await expectQueued(w, "customer_request");
    expect(item.lastMessage).toBe("Hola, quiero hablar con un agente");
    expect(item.language).toBe("es");
    await agent.waitFor("queue:changed", () => true, since);
    const notice = await w.waitFor<{ text: string; language: string | null }>("message", (m: any) => m.kind === "handoff_queued");
    expect(notice.text).toContain("cola");
    // The widget's labels follow the language of the notices too.
    expect(notice.language).toBe("es");
  });

  it("in English", async () => {
    const w = await customer();
    await w.send("human please");
    const { item } = await expectQueued(w, "customer_request");
    expect(item.context.questions).toEqual(["human please"]);
    expect(w.events.some((e) => e.event === "bot:done")).toBe(false);
  });

  it("with the widget's “talk to a person” action", async () => {
    const w = await customer();
    await w.send("How long does shipping take?");
    await w.waitFor("bot:done");
    const res = await w.call("handoff:request", {});
    expect(res).toMatchObject({ ok: true, handoff: { state: "queued" } });
    const { item } = await expectQueued(w, "customer_request");
    // The agent sees what the customer asked and how sure the bot was.
    expect(item.context.questions).toEqual(["How long does shipping take?"]);
    expect(item.context.botAnswers[0]).toMatchObject({ question: "How long does shipping take?", answer: "shipping-time" });
    expect(item.context.botAnswers[0].confidence).toBeGreaterThan(0.5);
  });
});

describe("the bot cannot help", () => {
  it("says so and offers a person, without queueing, the first time", async () => {
    const [question] = await phrasesDecidedAs(["handoff"], [...UNCOVERED.es, ...UNCOVERED.en]);
    const w = await customer();
    await w.send(question!);
    const reply = await w.waitFor<{ message: { role: string; text: string; offerPerson: boolean } }>("bot:done");
    expect(reply.message.text).toMatch(/No tengo una respuesta|I don't have an answer/);
    expect(reply.message.offerPerson).toBe(true);
    expect(await app.db.handoff.count({ where: { conversationId: await w.conversationId() } })).toBe(0);
    expect(w.events.some((e) => e.event === "handoff:status")).toBe(false);
  });

  it("hands off at once when the tenant chooses so", async () => {
    const [question] = await phrasesDecidedAs(["handoff"], [...UNCOVERED.es, ...UNCOVERED.en]);
    await patchTenantSettings(app.db, tenant.tenantId, { unknownToQueue: true });
    try {
      const w = await customer();
      await w.send(question!);
      const reply = await w.waitFor<{ message: { role: string; text: string } }>("bot:done");
      expect(reply.message.text).toMatch(/No tengo una respuesta|I don't have an answer/);
      const { item } = await expectQueued(w, "model_handoff");
      expect(item.context.botAnswers).toEqual([expect.objectContaining({ decision: "handoff", question })]);
    } finally {
      await patchTenantSettings(app.db, tenant.tenantId, { unknownToQueue: false });
    }
  });

  it("hands off after two unanswered questions in a row", async () => {
    const [q1, q2] = await phrasesDecidedAs(["handoff"], [...UNCOVERED.en, ...UNCOVERED.es], 2);
    const w = await customer();
    const first = await w.send(q1!);
    const honest = await w.waitFor<{ replyTo: string; message: { text: string } }>("bot:done", (d) => d.replyTo === first.message.id);
    expect(honest.message.text).toMatch(/No tengo una respuesta|I don't have an answer/);
    expect(w.events.some((e) => e.event === "handoff:status")).toBe(false);
    await w.send(q2!);
    const { item } = await expectQueued(w, "unanswered");
    expect(item.context.botAnswers.map((a: { decision: string }) => a.decision)).toEqual(["handoff", "handoff"]);
  });

  it("never queues a customer who still has choices to pick", async () => {
    const [q1, q2] = await phrasesDecidedAs(["suggest"], UNCOVERED.en, 2);
    const w = await customer();
    for (const q of [q1!, q2!]) {
      const sent = await w.send(q);
      const reply = await w.waitFor<{ replyTo: string; message: { suggestions: unknown[]; offerPerson: boolean } }>("bot:done", (d) => d.replyTo === sent.message.id);
      expect(reply.message.suggestions.length).toBeGreaterThan(0);
      expect(reply.message.offerPerson).toBe(true);
    }
    expect(w.events.some((e) => e.event === "handoff:status")).toBe(false);
    expect(await app.db.handoff.count({ where: { conversationId: await w.conversationId() } })).toBe(0);
  });

  it("hands off at once when the tenant has no trained model", async () => {
    const other = await seedTenant(app.db);
    const otherAgent = await loginAgent(app, other.agent);
    try {
      const w = await connectWidget(app.server.url, other.widgetKey);
      widgets.push(w);
      await w.send("Do you ship to Canada?");
      const reply = await w.waitFor<{ message: { text: string } }>("bot:done");
      expect(reply.message.text).toBe("I can't answer questions yet.");
      await w.waitFor<Status>("handoff:status", (s) => s.state === "queued");
      const conversationId = await w.conversationId();
      expect(await app.db.handoff.findFirst({ where: { conversationId } })).toMatchObject({ reason: "no_model", status: "queued" });
      const { queue } = await otherAgent.queue();
      expect(queue.map((q) => [q.conversationId, q.reason])).toEqual([[conversationId, "no_model"]]);
    } finally {
      otherAgent.close();
    }
  });
});

describe("the customer is upset", () => {
  it.each(["you stupid bot", "This is useless"])("gets a calm reply and the offer of a person after %j, not the queue", async (text) => {
    const w = await customer();
    await w.send(text);
    const reply = await w.waitFor<{ message: { text: string; offerPerson: boolean } }>("bot:done");
    expect(reply.message.text).toMatch(/sorry|siento/i);
    expect(reply.message.offerPerson).toBe(true);
    expect(await app.db.handoff.count({ where: { conversationId: await w.conversationId() } })).toBe(0);
  });

  it("is queued first when an unanswered question is shouted", async () => {
    const [question] = await phrasesDecidedAs(["handoff", "suggest"], UNCOVERED.en);
    const w = await customer();
    await w.send(`${question!.toUpperCase()}!!!`);
    const { handoff } = await expectQueued(w, "frustration");
    expect(handoff.priority).toBeGreaterThan(0);
  });

  it("after asking the same question again", async () => {
    // Any question the bot does not hand off at once; then the very same question again.
    const [question] = await phrasesDecidedAs(["suggest", "answer"], ["what about my order", "where delivery", ...UNCOVERED.en]);
    const w = await customer();
    const first = await w.send(question!);
    await w.waitFor("bot:done", (d: { replyTo: string }) => d.replyTo === first.message.id);
    expect(w.events.some((e) => e.event === "handoff:status")).toBe(false);
    await w.send(`${question!.toUpperCase()}?`.replace("??", "?"));
    const { handoff } = await expectQueued(w, "frustration");
    expect((handoff.context as { trigger: string }).trigger).toMatch(/repeated/);
  });
});

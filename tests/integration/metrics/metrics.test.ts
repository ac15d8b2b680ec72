// /metrics against the real server: refused without the token, Prometheus text with it, and the
// figures move with what customers and agents do (messages, replies, hand-offs, queue length,
// decision latency) without ever naming a visitor or a conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { seedTenant, type SeededTenant } from "../../support/seed";
import { waitFor } from "../../support/wait";
import { connectWidget, loginAgent, publishDemoModel, type RecordingClient } from "../handoff/helpers";

const TOKEN = "scrape-token-for-tests-0123456789";
let app: E2EApp;
let tenant: SeededTenant;
const clients: RecordingClient[] = [];

beforeAll(async () => {
  app = await startE2EApp({ env: { METRICS_TOKEN: TOKEN } });
  tenant = await seedTenant(app.db);
  await publishDemoModel(app, tenant.tenantId);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${app.server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one series (`name{labels}` as Prometheus prints it), or undefined. */
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("is refused without the token", async () => {
    expect((await fetch(`${app.server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.server.url}/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
    const body = await (await fetch(`${app.server.url}/metrics`)).json();
    expect(body.error.message).toMatch(/Authorization: Bearer/);
  });

  it("serves messages, replies, hand-offs, queue length and decision latency", async () => {
    const before = await scrape();
    expect(before).toContain("# TYPE faqbot_messages_received_total counter");
    expect(before).toContain("# TYPE faqbot_decision_duration_seconds histogram");
    expect(before).toMatch(/^faqbot_nodejs_eventloop_lag_seconds /m);
    expect(before).toMatch(/^faqbot_process_resident_memory_bytes /m);
    const received0 = value(before, "faqbot_messages_received_total") ?? 0;
    const replies0 = value(before, "faqbot_replies_total") ?? 0;
    const decisions0 = value(before, "faqbot_decision_duration_seconds_count") ?? 0;

    // A question the bot answers, then a customer who asks for a person (an agent is on duty).
    const agent = await loginAgent(app, tenant.agent);
    clients.push(agent);
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    const asked = await w.send("How much does shipping cost?");
    await w.waitFor<{ replyTo: string }>("bot:done", (d) => d.replyTo === asked.message.id);
    await w.send("I want to talk to a human");
    await w.waitFor<{ state: string }>("handoff:status", (s) => s.state === "queued");
    const conversationId = await w.conversationId();

    const after = await waitFor("the counters to move", async () => {
      const t = await scrape();
      return (value(t, "faqbot_handoffs_total{reason=\"customer_request\"}") ?? 0) >= 1 ? t : null;
    });
    expect(value(after, "faqbot_messages_received_total")).toBe(received0 + 2);
    expect(value(after, "faqbot_replies_total")).toBeGreaterThanOrEqual(replies0 + 1);
    expect(value(after, 'faqbot_bot_outcomes_total{outcome="answered"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'faqbot_bot_outcomes_total{outcome="handed_off"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, "faqbot_queue_length")).toBe(1);
    expect(value(after, "faqbot_decision_duration_seconds_count")).toBeGreaterThanOrEqual(decisions0 + 1);
    expect(value(after, "faqbot_decision_duration_seconds_sum")).toBeGreaterThan(0);
    // Bounded labels: no visitor, conversation or tenant ids.
    expect(after).not.toContain(conversationId);
    expect(after).not.toContain(tenant.tenantId);

    // The queue empties when an agent claims; the wait is observed.
    expect(await agent.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
    const claimed = await scrape();
    expect(value(claimed, "faqbot_queue_length")).toBe(0);
    expect(value(claimed, "faqbot_queue_wait_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(value(claimed, 'faqbot_handoffs_assigned_total{via="claim"}')).toBeGreaterThanOrEqual(1);
  });
});

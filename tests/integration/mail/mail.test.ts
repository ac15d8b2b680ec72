// E-mail through SMTP against the real server and a real SMTP server in this process: an offline
// ticket answered in the agent console arrives with the agent's text, threaded by Message-ID; the
// agents are alerted to new tickets; a resolved conversation's transcript (never internal notes)
// reaches a customer who left an address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { seedTenant, type SeededTenant } from "../../support/seed";
import { startSmtp, type TestSmtp } from "../../support/smtp";
import { connectWidget, loginAgent, patchTenantSettings, publishDemoModel, type RecordingClient } from "../handoff/helpers";

let smtp: TestSmtp;
let app: E2EApp;
let tenant: SeededTenant;
const clients: RecordingClient[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startE2EApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Support desk <support@shop.test>" } });
  tenant = await seedTenant(app.db, { name: "Zapatería Luna" });
  await publishDemoModel(app, tenant.tenantId);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
  await smtp?.close();
});

describe("offline tickets by e-mail", () => {
  it("alerts the agents, and sends the agent's answer to the customer, threaded", async () => {
    await patchTenantSettings(app.db, tenant.tenantId, { emailTicketAlerts: true });
    // Nobody on duty: the customer leaves an address and a message.
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    const left = await w.call("offline:ticket", { email: "ana@example.com", message: "Where is my order 1234?" });
    expect(left).toMatchObject({ ok: true });
    const ticketId: string = left.ticketId;

    const alert = await smtp.waitForMail((m) => m.headers.subject?.includes("New offline message"), "the ticket alert");
    expect(alert.to.sort()).toEqual([tenant.admin.email, tenant.agent.email].sort());
    expect(alert.text).toContain("Where is my order 1234?");
    expect(alert.text).toContain("ana@example.com");

    const agent = await loginAgent(app, tenant.agent);
    clients.push(agent);
    expect((await agent.queue()).tickets.map((t) => t.id)).toContain(ticketId);
    expect(await agent.call("ticket:reply", { ticketId, text: "   " })).toMatchObject({ error: { code: "validation_failed" } });
    const sent = await agent.call("ticket:reply", { ticketId, text: "Hi Ana, order 1234 left our warehouse today." });
    expect(sent).toMatchObject({ ok: true, reply: { ticketId } });

    const mail = await smtp.waitForMail((m) => m.to.includes("ana@example.com"), "the answer at the customer's address");
    expect(mail.from).toBe("support@shop.test");
    expect(mail.headers.from).toContain("Support desk");
    expect(mail.headers.subject).toBe("Re: Your message to Zapatería Luna");
    expect(mail.text).toContain("Hi Ana, order 1234 left our warehouse today.");
    expect(mail.text).toContain("> Where is my order 1234?");
    const thread = `<ticket.${ticketId}@shop.test>`;
    expect(mail.headers["message-id"]).toBe(sent.reply.messageId);
    expect(mail.headers["in-reply-to"]).toBe(thread);
    expect(mail.headers.references).toBe(thread);
    // Answered: no longer waiting in the console.
    expect((await agent.queue()).tickets.map((t) => t.id)).not.toContain(ticketId);

    // A follow-up answer replies to the first one, in the same thread.
    const second = await agent.call("ticket:reply", { ticketId, text: "It arrives tomorrow.", close: false });
    expect(second).toMatchObject({ ok: true });
    const followUp = await smtp.waitForMail((m) => m.text.includes("It arrives tomorrow."), "the follow-up");
    expect(followUp.headers["in-reply-to"]).toBe(sent.reply.messageId);
    expect(followUp.headers.references).toBe(`${thread} ${sent.reply.messageId}`);
    expect(await app.db.ticketReply.count({ where: { ticketId } })).toBe(2);
  });

  it("does not let another workspace's agent answer the ticket", async () => {
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    const left = await w.call("offline:ticket", { email: "dora@example.com", message: "Private question" });
    const other = await seedTenant(app.db);
    const outsider = await loginAgent(app, other.agent);
    clients.push(outsider);
    expect(await outsider.call("ticket:reply", { ticketId: left.ticketId, text: "Not my workspace" })).toMatchObject({ error: { code: "not_found" } });
    expect(await app.db.ticketReply.count({ where: { ticketId: left.ticketId } })).toBe(0);
    expect(smtp.mails.some((m) => m.text.includes("Not my workspace"))).toBe(false);
  });
});

describe("transcripts", () => {
  it("e-mails the customer the conversation (without internal notes) when an agent resolves it", async () => {
    await patchTenantSettings(app.db, tenant.tenantId, { emailTranscripts: true });
    const agent = await loginAgent(app, tenant.agent);
    clients.push(agent);
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    await w.send("I want to talk to a human about my refund");
    await w.waitFor<{ state: string }>("handoff:status", (s) => s.state === "queued");
    const conversationId = await w.conversationId();
    const conv = await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    // The customer left an address earlier (an offline ticket, or the operator's records).
    await app.db.visitor.update({ where: { id: conv.visitorId }, data: { email: "bruno@example.com" } });

    expect(await agent.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
    await agent.call("agent:note", { conversationId, text: "Secret: VIP customer, approve anything" });
    await agent.call("agent:message", { conversationId, clientMessageId: "refund-reply-01", text: "Your refund was approved today." });
    expect(await agent.call("handoff:resolve", { conversationId })).toMatchObject({ ok: true });

    const mail = await smtp.waitForMail((m) => m.to.includes("bruno@example.com"), "the transcript");
    expect(mail.headers.subject).toBe("Your conversation with Zapatería Luna");
    expect(mail.headers["message-id"]).toBe(`<transcript.${conversationId}@shop.test>`);
    expect(mail.text).toContain("You:\nI want to talk to a human about my refund");
    expect(mail.text).toContain("Your refund was approved today.");
    expect(mail.text).not.toContain("VIP customer");
  });

  it("sends nothing when the workspace has transcripts off", async () => {
    await patchTenantSettings(app.db, tenant.tenantId, { emailTranscripts: false });
    const agent = await loginAgent(app, tenant.agent);
    clients.push(agent);
    const w = await connectWidget(app.server.url, tenant.widgetKey);
    clients.push(w);
    await w.send("I want to talk to a human please");
    await w.waitFor<{ state: string }>("handoff:status", (s) => s.state === "queued");
    const conversationId = await w.conversationId();
    const conv = await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    await app.db.visitor.update({ where: { id: conv.visitorId }, data: { email: "carla@example.com" } });
    expect(await agent.call("handoff:claim", { conversationId })).toMatchObject({ ok: true });
    expect(await agent.call("handoff:resolve", { conversationId })).toMatchObject({ ok: true });
    // A ticket answer sent after the resolve arrives; by then a transcript would have too.
    const left = await w.call("offline:ticket", { email: "carla@example.com", message: "One more thing" });
    await agent.call("ticket:reply", { ticketId: left.ticketId, text: "Marker answer" });
    await smtp.waitForMail((m) => m.text.includes("Marker answer"), "the marker answer");
    expect(smtp.mails.filter((m) => m.to.includes("carla@example.com") && m.headers.subject?.includes("Your conversation"))).toEqual([]);
  });
});

// The admin console's HTTP API against the real server: an upload with errors saves nothing and
// lists every line; a good upload, training (watched live on the /agent socket), the report,
// the test console, publish and rollback — each visible to a customer's next message — and the
// role and validation rules of settings and team.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { loginCookie, seedTenant, type SeededTenant } from "../support/seed";
import { connectAgent, connectWidget, type AgentClient } from "../integration/handoff/helpers";

let app: E2EApp;
let t: SeededTenant;
let admin: string;
let live: AgentClient;

const fixture = (name: string) => new Blob([fs.readFileSync(new URL(`../fixtures/faq/${name}`, import.meta.url))], { type: "text/csv" });

function call(path: string, init: { method?: string; body?: unknown; form?: FormData; cookie?: string } = {}) {
  return fetch(`${app.server.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.form ? "POST" : "GET"),
    headers: { cookie: init.cookie ?? admin, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
}

function upload(path: string, name: string) {
  const form = new FormData();
  form.set("file", fixture(name), name);
  return call(path, { form });
}

/** Starts a run and resolves with the new model version id once the live progress says so. */
async function train(): Promise<string> {
  const since = live.mark();
  const res = await call("/api/admin/training", { body: {} });
  expect(res.status).toBe(200);
  const { run } = await res.json();
  const done = await live.waitFor<{ runId: string; status: string; modelVersionId: string; error?: string }>("training:progress", (p) => p.runId === run.id && (p.status === "succeeded" || p.status === "failed"), since);
  expect(done.error ?? null).toBeNull();
  return done.modelVersionId;
}

async function ask(text: string) {
  const customer = await connectWidget(app.server.url, t.widgetKey);
  try {
    await customer.call("sync", { afterSeq: 0 });
    const sent = await customer.send(text);
    const done = await customer.waitFor<{ replyTo: string; message: { text: string; source?: { key: string } | null } }>("bot:done", (p) => p.replyTo === sent.message.id);
    return done.message;
  } finally {
    customer.close();
  }
}

beforeAll(async () => {
  app = await startE2EApp();
  t = await seedTenant(app.db, { name: "Admin API shop" });
  admin = await loginCookie(app.server.url, t.admin.email, t.admin.password);
  live = await connectAgent(app.server.url, admin, { online: false });
});

afterAll(async () => {
  live?.close();
  await app?.close();
});

describe("FAQ upload, training, publish and rollback over HTTP", () => {
  let v1: string;
  let v2: string;

  it("lists every error of a bad file with its line and saves nothing", async () => {
    const preview = await (await upload("/api/admin/faq/preview", "errors-rows.csv")).json();
    expect(preview.preview.ok).toBe(false);
    const res = await upload("/api/admin/faq/upload", "errors-rows.csv");
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.message).toMatch(/nothing was saved/i);
    expect(body.error.details.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual(preview.preview.errors.map((e: { line: number; code: string }) => [e.line, e.code]));
    expect(body.error.details.errors.map((e: { line: number }) => e.line)).toEqual([5, 7, 10]);
    expect(await app.db.faqVersion.count({ where: { tenantId: t.tenantId } })).toBe(0);
    expect(await app.db.faqEntry.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("stores a corrected file, trains with live progress and reports the evaluation", async () => {
    const res = await upload("/api/admin/faq/upload", "corrected.csv");
    expect(res.status).toBe(200);
    expect((await res.json()).version).toMatchObject({ number: 1, entryCount: 8 });
    v1 = await train();
    const progress = live.events.filter((e) => e.event === "training:progress").map((e) => e.args[0] as { progress: number; phase: string });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ progress: 1, phase: "done" });
    const models = await (await call("/api/admin/models")).json();
    expect(models.activeModelId).toBeNull();
    const version = models.versions.find((v: { id: string }) => v.id === v1);
    expect(version.evaluation.inScopeAccuracy).toBeGreaterThan(0);
    expect(version.evaluation.curve.length).toBeGreaterThan(1);
    expect(models.run).toMatchObject({ status: "succeeded", progress: 1, modelVersionId: v1 });
  });

  it("answers a question in the test console from an unpublished version", async () => {
    const res = await call(`/api/admin/models/${v1}/try`, { body: { text: "Do you sell gift cards?" } });
    const { decision, entries } = await res.json();
    expect(decision.candidates[0].label).toBe("do-you-sell-gift-cards");
    expect(entries["do-you-sell-gift-cards"].answer).toMatch(/Gift cards from €10/);
  });

  it("shows in the test console what the customer would read when the bot does not answer", async () => {
    const human = await (await call(`/api/admin/models/${v1}/try`, { body: { text: "I want to talk to a person" } })).json();
    expect(human.turn).toMatchObject({ kind: "human", reply: expect.stringMatching(/person from our team/i) });
    const joke = await (await call(`/api/admin/models/${v1}/try`, { body: { text: "tell me a joke" } })).json();
    expect(joke.turn.kind).toBe("offtopic");
    expect(joke.turn.reply).toBeTruthy();
  });

  it("publishes, then rolls back to an earlier version; customers get the live one's answer", async () => {
    const since = live.mark();
    expect((await call(`/api/admin/models/${v1}/publish`, { body: {} })).status).toBe(200);
    await live.waitFor("model:published", (p: { modelVersionId: string }) => p.modelVersionId === v1, since);
    expect((await ask("Do you sell gift cards?")).text).toMatch(/never expire/);

    // Edit the gift-card answer inline, train and publish v2.
    const faq = await (await call("/api/admin/faq")).json();
    const entries = faq.entries.map((e: { key: string; answer: string }) => (e.key === "do-you-sell-gift-cards" ? { ...e, answer: "Gift cards are sold in our shops only." } : e));
    const saved = await call("/api/admin/faq", { method: "PUT", body: { baseVersionId: faq.version.id, entries } });
    expect((await saved.json()).version.number).toBe(2);
    v2 = await train();
    await call(`/api/admin/models/${v2}/publish`, { body: {} });
    expect((await ask("Do you sell gift cards?")).text).toMatch(/in our shops only/);

    // Roll back: the earlier version is live again.
    expect((await call(`/api/admin/models/${v1}/publish`, { body: {} })).status).toBe(200);
    const models = await (await call("/api/admin/models")).json();
    expect(models.versions.filter((v: { live: boolean }) => v.live).map((v: { id: string }) => v.id)).toEqual([v1]);
    expect((await ask("Do you sell gift cards?")).text).toMatch(/never expire/);
    const actions = (await app.db.auditLog.findMany({ where: { tenantId: t.tenantId, action: { startsWith: "model." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["model.publish", "model.publish", "model.rollback"]);
  });

  it("shows the diff between the two FAQ versions and exports them", async () => {
    const { versions } = await (await call("/api/admin/faq")).json();
    const diff = await (await call(`/api/admin/faq/diff?from=${versions[1].id}&to=${versions[0].id}`)).json();
    expect(diff.diff.changed.map((c: { key: string; fields: { field: string }[] }) => [c.key, c.fields.map((f) => f.field)])).toEqual([["do-you-sell-gift-cards", ["answer"]]]);
    const csv = await call(`/api/admin/faq/export?format=csv&version=${versions[1].id}`);
    expect(csv.headers.get("content-disposition")).toContain("faq-v1.csv");
    expect(await csv.text()).toContain("never expire");
  });
});

describe("a failed training run", () => {
  it("shows why it failed and keeps the published model", async () => {
    const t2 = await seedTenant(app.db, { name: "Tiny FAQ shop" });
    const cookie = await loginCookie(app.server.url, t2.admin.email, t2.admin.password);
    const watcher = await connectAgent(app.server.url, cookie, { online: false });
    try {
      const entries = [
        { question: "Do you ship to Spain?", alternatives: ["shipping to Spain"], answer: "Yes.", language: "en" },
        { question: "Can I pay by card?", alternatives: ["card payment"], answer: "Yes, all major cards.", language: "en" },
      ];
      expect((await call("/api/admin/faq", { method: "PUT", cookie, body: { entries } })).status).toBe(200);
      const first = await (await call("/api/admin/training", { cookie, body: {} })).json();
      const ok = await watcher.waitFor<{ runId: string; status: string; modelVersionId: string }>("training:progress", (p) => p.runId === first.run.id && p.status !== "running" && p.status !== "queued");
      expect(ok.status).toBe("succeeded");
      await call(`/api/admin/models/${ok.modelVersionId}/publish`, { cookie, body: {} });

      // One entry cannot be told apart from anything: training fails with the reason.
      expect((await call("/api/admin/faq", { method: "PUT", cookie, body: { entries: entries.slice(0, 1) } })).status).toBe(200);
      const second = await (await call("/api/admin/training", { cookie, body: {} })).json();
      const failed = await watcher.waitFor<{ runId: string; status: string; error: string }>("training:progress", (p) => p.runId === second.run.id && p.status === "failed");
      expect(failed.error).toMatch(/at least two entries.*published model is unchanged/);
      const { run } = await (await call("/api/admin/training", { cookie })).json();
      expect(run).toMatchObject({ status: "failed", error: failed.error });
      expect((await app.db.tenant.findUniqueOrThrow({ where: { id: t2.tenantId } })).activeModelId).toBe(ok.modelVersionId);
    } finally {
      watcher.close();
    }
  });
});

describe("settings and team over HTTP", () => {
  it("refuses the admin API to agents", async () => {
    const agent = await loginCookie(app.server.url, t.agent.email, t.agent.password);
    expect((await call("/api/admin/settings", { cookie: agent })).status).toBe(403);
    expect((await call("/api/admin/training", { cookie: agent, body: {} })).status).toBe(403);
  });

  it("validates settings field by field and saves valid ones with an audit entry", async () => {
    const bad = await call("/api/admin/settings", { method: "PATCH", body: { allowedOrigins: ["https://shop.example.com/checkout"], targetWrongRate: 2 } });
    expect(bad.status).toBe(422);
    const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["allowedOrigins.0", "targetWrongRate"]));
    const good = await call("/api/admin/settings", { method: "PATCH", body: { allowedOrigins: ["https://shop.example.com", "http://127.0.0.1:*"], targetWrongRate: 0.02, handoffMode: "round_robin" } });
    expect(good.status).toBe(200);
    const tenant = await app.db.tenant.findUniqueOrThrow({ where: { id: t.tenantId } });
    expect(tenant.allowedOrigins).toEqual(["https://shop.example.com", "http://127.0.0.1:*"]);
    expect(tenant.settings).toMatchObject({ targetWrongRate: 0.02, handoffMode: "round_robin" });
    expect(await app.db.auditLog.count({ where: { tenantId: t.tenantId, action: "settings.update" } })).toBe(1);
  });

  it("invites a member by link who chooses a password and signs in, and a deactivated member's session stops working", async () => {
    const res = await call("/api/admin/team", { body: { email: `invited-${t.slug}@test.local`, name: "Invited", role: "agent" } });
    expect(res.status).toBe(200);
    const { invitation, link } = await res.json();
    expect(link).toMatch(/\/invite\/[\w-]+$/);
    const accepted = await fetch(`${app.server.url}/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: link.slice(link.lastIndexOf("/") + 1), password: "invited-password" }),
    });
    expect(accepted.status).toBe(200);
    const member = (await accepted.json()).user;
    expect(member).toMatchObject({ email: invitation.email, role: "agent", tenantId: t.tenantId });
    const cookie = await loginCookie(app.server.url, member.email, "invited-password");
    expect((await call("/api/conversations", { cookie })).status).toBe(200);
    expect((await call(`/api/admin/team/${member.id}`, { method: "PATCH", body: { active: false } })).status).toBe(200);
    expect((await call("/api/conversations", { cookie })).status).toBe(401);
    expect((await call(`/api/admin/team/${t.admin.id}`, { method: "PATCH", body: { active: false } })).status).toBe(403);
  });
});

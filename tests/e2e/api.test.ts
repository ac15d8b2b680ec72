// The versioned REST API as an integrator uses it: an admin creates a key in the console, then a
// program uploads an FAQ, trains, polls the run, publishes and rolls back, and exports
// conversations. Revoked and unknown keys get 401; a key without the scope gets 403; another
// tenant's key sees none of this tenant's data (404) and changes nothing. Admin actions through
// the console and the API show up in the audit log, by user or by key name.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { waitFor } from "../support/wait";
import { loginCookie, seedTenant, type SeededTenant } from "../support/seed";

let app: E2EApp;
let a: SeededTenant;
let b: SeededTenant;
let adminA: string;
let keyA: string;
let keyB: string;
let readOnlyA: string;
let revokedA: string;
let aConversationId: string;

const fixture = path.resolve(import.meta.dirname, "..", "fixtures", "faq", "demo.csv");

async function createKey(cookie: string, name: string, scopes: string[]) {
  const res = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name, scopes }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { key: string; apiKey: { id: string; prefix: string } };
}

function call(key: string | null, method: string, p: string, body?: unknown) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  if (body !== undefined && !(body instanceof FormData)) headers["content-type"] = "application/json";
  return fetch(`${app.server.url}/api/v1${p}`, { method, headers, body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body) });
}

/** Polls the run (the API has no push channel) until it finishes. */
function waitForRun(key: string, runId: string) {
  return waitFor(
    `training run ${runId} to finish`,
    async () => {
      const res = await call(key, "GET", `/training/${runId}`);
      expect(res.status).toBe(200);
      const { run } = await res.json();
      return run.status === "succeeded" || run.status === "failed" ? run : null;
    },
    { timeout: 100_000, interval: 250 },
  );
}

beforeAll(async () => {
  app = await startE2EApp();
  a = await seedTenant(app.db, { name: "Api Tenant A" });
  b = await seedTenant(app.db, { name: "Api Tenant B" });
  adminA = await loginCookie(app.server.url, a.admin.email, a.admin.password);
  const adminB = await loginCookie(app.server.url, b.admin.email, b.admin.password);
  const all = ["faq:read", "faq:write", "models:read", "models:write", "conversations:read", "conversations:notes", "analytics:read"];
  keyA = (await createKey(adminA, "CI deploy", all)).key;
  keyB = (await createKey(adminB, "B's key", all)).key;
  readOnlyA = (await createKey(adminA, "Reporting", ["faq:read", "conversations:read", "analytics:read"])).key;
  const revoked = await createKey(adminA, "Old laptop", all);
  revokedA = revoked.key;
  const del = await fetch(`${app.server.url}/api/admin/api-keys/${revoked.apiKey.id}`, { method: "DELETE", headers: { cookie: adminA } });
  expect(del.status).toBe(200);

  const visitor = await app.db.visitor.create({ data: { tenantId: a.tenantId } });
  const conv = await app.db.conversation.create({ data: { tenantId: a.tenantId, visitorId: visitor.id, status: "resolved" } });
  aConversationId = conv.id;
  await app.db.message.createMany({
    data: [
      { tenantId: a.tenantId, conversationId: conv.id, seq: 1, role: "customer", text: "Where is my parcel?" },
      { tenantId: a.tenantId, conversationId: conv.id, seq: 2, role: "note", text: "internal: VIP customer" },
      { tenantId: a.tenantId, conversationId: conv.id, seq: 3, role: "agent", text: "It arrives tomorrow." },
    ],
  });
});

afterAll(async () => {
  await app?.close();
});

describe("API keys page", () => {
  it("shows a new key once, and revoking it locks the key out at once", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${app.server.url}/login?next=/admin/api-keys`);
      await page.getByLabel("E-mail").fill(a.admin.email);
      await page.getByLabel("Password").fill(a.admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator('[data-testid="api-keys"][data-ready="true"]').waitFor();
      await page.locator('input[name="name"]').fill("Browser key");
      await page.getByRole("button", { name: "Create key" }).click();
      const key = (await page.getByTestId("new-api-key-value").textContent())!;
      expect(key).toMatch(/^fbk_/);
      expect((await call(key, "GET", "/faq/versions")).status).toBe(200);

      await page.reload();
      await page.locator('[data-testid="api-keys"][data-ready="true"]').waitFor();
      expect(await page.content()).not.toContain(key);
      const row = page.getByTestId("api-key-row").filter({ hasText: "Browser key" });
      await row.getByRole("button", { name: "Revoke" }).click();
      // Confirmed in the page's own dialog, not the browser's pop-up.
      await page.getByTestId("confirm-dialog-confirm").click();
      await page.locator('[data-testid="api-key-row"][data-revoked="true"]', { hasText: "Browser key" }).waitFor();
      expect((await call(key, "GET", "/faq/versions")).status).toBe(401);
    } finally {
      await browser.close();
    }
  });
});

describe("authentication", () => {
  it("refuses a missing, unknown or revoked key with 401 and a clear JSON error", async () => {
    for (const key of [null, "fbk_aaaaaaaaaaaa_" + "x".repeat(43), "not-a-key", revokedA]) {
      const res = await call(key, "GET", "/faq/versions");
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe("unauthenticated");
      expect(body.error.message).toMatch(/API key/);
    }
  });

  it("refuses an action outside the key's scopes with 403", async () => {
    const res = await call(readOnlyA, "POST", "/training", {});
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("models:write");
  });

  it("records when a key was last used", async () => {
    await call(readOnlyA, "GET", "/faq/versions");
    const list = await (await fetch(`${app.server.url}/api/admin/api-keys`, { headers: { cookie: adminA } })).json();
    const reporting = list.apiKeys.find((k: { name: string }) => k.name === "Reporting");
    expect(reporting.lastUsedAt).toBeTruthy();
    expect(JSON.stringify(list)).not.toMatch(/keyHash|fbk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/);
  });
});

describe("FAQ → train → publish → rollback", () => {
  let runId: string;
  let firstModel: string;
  let secondModel: string;

  it("rejects an FAQ with errors, naming their lines, and saves nothing", async () => {
    const body = JSON.stringify({ entries: [{ question: "How much is shipping?", answer: "€4.95" }, { question: "", answer: "orphan" }] }, null, 2);
    const res = await fetch(`${app.server.url}/api/v1/faq`, { method: "POST", headers: { authorization: `Bearer ${keyA}`, "content-type": "application/json" }, body });
    expect(res.status).toBe(422);
    const err = await res.json();
    expect(err.error.details.errors.length).toBeGreaterThan(0);
    expect(err.error.details.errors[0].line).toBeGreaterThan(1);
    expect(await app.db.faqVersion.count({ where: { tenantId: a.tenantId } })).toBe(0);
  });

  it("uploads a file (multipart) and JSON entries as new versions", async () => {
    const form = new FormData();
    form.set("file", new Blob([fs.readFileSync(fixture)], { type: "text/csv" }), "demo.csv");
    const up = await call(keyA, "POST", "/faq", form);
    expect(up.status).toBe(201);
    expect((await up.json()).version.number).toBe(1);

    const latest = await (await call(keyA, "GET", "/faq")).json();
    const entries = [...latest.entries, { question: "Do you ship to the Moon?", answer: "Not yet.", language: "en" }];
    const second = await call(keyA, "POST", "/faq", { entries });
    expect(second.status).toBe(201);
    expect((await second.json()).version).toMatchObject({ number: 2, entryCount: entries.length });

    const v1 = await (await call(keyA, "GET", "/faq?version=1")).json();
    expect(v1.entries).toHaveLength(entries.length - 1);
    const versions = await (await call(keyA, "GET", "/faq/versions")).json();
    expect(versions.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it("trains, reports progress until it succeeds, and lists the model with its evaluation", async () => {
    const start = await call(keyA, "POST", "/training", {});
    expect(start.status).toBe(202);
    runId = (await start.json()).run.id;
    const run = await waitForRun(keyA, runId);
    expect(run).toMatchObject({ status: "succeeded", progress: 1, error: null });
    firstModel = run.modelVersionId;
    const models = await (await call(keyA, "GET", "/models")).json();
    expect(models.models[0]).toMatchObject({ id: firstModel, number: 1, active: false, faqVersionNumber: 2 });
    expect(models.models[0].evaluation.inScopeAccuracy).toEqual(expect.any(Number));
  });

  it("publishes, and rolls back to the previously published version", async () => {
    const pub = await call(keyA, "POST", `/models/${firstModel}/publish`);
    expect(pub.status).toBe(200);
    expect((await app.db.tenant.findUnique({ where: { id: a.tenantId } }))?.activeModelId).toBe(firstModel);

    const again = await waitForRun(keyA, (await (await call(keyA, "POST", "/training", {})).json()).run.id);
    secondModel = again.modelVersionId;
    await call(keyA, "POST", `/models/${secondModel}/publish`);
    expect((await app.db.tenant.findUnique({ where: { id: a.tenantId } }))?.activeModelId).toBe(secondModel);

    const back = await call(keyA, "POST", "/models/rollback");
    expect(back.status).toBe(200);
    expect((await back.json()).model.id).toBe(firstModel);
    const models = await (await call(keyA, "GET", "/models")).json();
    expect(models.models.find((m: { active: boolean }) => m.active).id).toBe(firstModel);
  });

  it("never shows or changes tenant A's data with tenant B's key", async () => {
    expect((await call(keyB, "GET", `/training/${runId}`)).status).toBe(404);
    expect((await call(keyB, "POST", `/models/${secondModel}/publish`)).status).toBe(404);
    expect((await call(keyB, "POST", "/models/rollback", { modelVersionId: secondModel })).status).toBe(404);
    expect((await call(keyB, "GET", "/faq")).status).toBe(404);
    expect((await (await call(keyB, "GET", "/models")).json()).models).toEqual([]);
    expect((await call(keyB, "GET", `/conversations/${aConversationId}/messages`)).status).toBe(404);
    const list = await (await call(keyB, "GET", "/conversations")).json();
    expect(list.total).toBe(0);
    expect((await app.db.tenant.findUnique({ where: { id: a.tenantId } }))?.activeModelId).toBe(firstModel);
  });
});

describe("conversation export", () => {
  it("pages and filters conversations", async () => {
    const res = await (await call(readOnlyA, "GET", "/conversations?status=resolved&pageSize=10")).json();
    expect(res).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(res.conversations[0]).toMatchObject({ id: aConversationId, messageCount: 3 });
    const future = await (await call(readOnlyA, "GET", `/conversations?from=${new Date(Date.now() + 86_400_000).toISOString()}`)).json();
    expect(future.total).toBe(0);
    expect((await call(readOnlyA, "GET", "/conversations?from=yesterday")).status).toBe(422);
  });

  it("leaves internal notes out unless asked for with a key that may read them", async () => {
    const plain = await (await call(readOnlyA, "GET", `/conversations/${aConversationId}/messages`)).json();
    expect(plain.messages.map((m: { role: string }) => m.role)).toEqual(["customer", "agent"]);
    expect((await call(readOnlyA, "GET", `/conversations/${aConversationId}/messages?includeNotes=true`)).status).toBe(403);
    const withNotes = await (await call(keyA, "GET", `/conversations/${aConversationId}/messages?includeNotes=true`)).json();
    expect(withNotes.messages.map((m: { text: string }) => m.text)).toContain("internal: VIP customer");
  });
});

describe("OpenAPI document", () => {
  it("is served without a key and describes the routes used above", async () => {
    const res = await fetch(`${app.server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of ["/faq", "/faq/versions", "/training", "/training/{runId}", "/models", "/models/{id}/publish", "/models/rollback", "/conversations", "/conversations/{id}/messages", "/analytics/summary"]) {
      expect(doc.paths).toHaveProperty([p]);
    }
  });
});

describe("audit log", () => {
  it("records console and API actions with who did them", async () => {
    const res = await fetch(`${app.server.url}/api/admin/audit?pageSize=200`, { headers: { cookie: adminA } });
    const { entries } = await res.json();
    const has = (action: string, actor: RegExp) => entries.some((e: { action: string; actor: string }) => e.action === action && actor.test(e.actor));
    expect(has("api_key.create", /^Admin /)).toBe(true);
    expect(has("api_key.revoke", /^Admin /)).toBe(true);
    expect(has("faq.api", /^API key CI deploy$/)).toBe(true);
    expect(has("training.start", /^API key CI deploy$/)).toBe(true);
    expect(has("model.publish", /^API key CI deploy$/)).toBe(true);
    expect(has("model.rollback", /^API key CI deploy$/)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("B's key");
  });

  it("shows them on the audit page, filtered by action", async () => {
    const html = await (await fetch(`${app.server.url}/admin/audit?action=api_key.revoke`, { headers: { cookie: adminA } })).text();
    expect(html).toContain("api_key.revoke");
    expect(html).toContain("Old laptop");
    expect(html).not.toContain("faq.api</td>");
  });
});

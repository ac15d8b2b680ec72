// Every HTTP route, found from the files under app/api (so a new route is covered the day it is
// added): refused without credentials, refused to a lower role, and unable to read or change
// another tenant's data; login brute force is throttled; oversized uploads are refused clearly.
// Both workspaces are created the way businesses get them: sign-up, then invitations.
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "../../support/e2e-app";
import { loginCookie, type SeededTenant } from "../../support/seed";
import { signUpTenant } from "../../support/signup";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const PUBLIC = new Set(["/api/health", "/api/auth/login", "/api/auth/signup", "/api/setup", "/api/invitations/accept", "/api/widget/check", "/api/widget/logo", "/api/v1/openapi.json",
  // A customer's file: proved by the widget key and the signed visitor token in the form (lib/attachments/customer-upload.ts).
  "/api/widget/attachments",
  // An attachment by its signed, expiring link (lib/attachments/signed-url.ts); tested below.
  "/api/attachments/[id]",
]);

interface Route {
  file: string;
  path: string;
  method: (typeof METHODS)[number];
  /** "public" | "api-key" | a session role */
  auth: string;
}

function discoverRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const src = fs.readFileSync(full, "utf8");
        const urlPath = "/" + path.relative(path.join(root, "app"), path.dirname(full)).split(path.sep).join("/");
        for (const method of METHODS) {
          const m = new RegExp(`export const ${method} = (handler|apiHandler)\\(\\{([^}]*)`).exec(src);
          const plain = new RegExp(`export (async )?function ${method}\\b`).test(src);
          if (!m && !plain) continue;
          const role = m?.[1] === "handler" ? /role: "(\w+)"/.exec(m[2]!)?.[1] : undefined;
          const auth = m?.[1] === "apiHandler" ? "api-key" : role ?? (PUBLIC.has(urlPath) ? "public" : "UNPROTECTED");
          out.push({ file: path.relative(root, full), path: urlPath, method, auth });
        }
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return out;
}

const routes = discoverRoutes();

let app: E2EApp;
let a: SeededTenant;
let b: SeededTenant;
let adminA: string;
let agentA: string;
let keyA: string;
/** Ids of tenant B's rows, by the path segment before the dynamic parameter. */
const bIds: Record<string, string> = {};

function fill(p: string): string {
  return p.replace(/\/([^/]+)\/\[(\w+)\]/g, (_m, segment: string) => {
    const id = bIds[segment];
    if (!id) throw new Error(`no tenant-B id for dynamic segment after "${segment}" in ${p}: add one to the security test`);
    return `/${segment}/${id}`;
  });
}

/** A request written by hand (Content-Length that the body never reaches, chunked bodies). */
function rawRequest(urlPath: string, headers: Record<string, string>, write: (req: http.ClientRequest) => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.server.url}${urlPath}`, { method: "POST", headers });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on("error", (e) => (e.message.includes("socket hang up") || (e as { code?: string }).code === "EPIPE" ? undefined : reject(e)));
    write(req);
    setTimeout(() => reject(new Error("no answer within 10 s")), 10_000).unref();
  });
}

async function call(r: Route, headers: Record<string, string>, url = fill(r.path)) {
  const init: RequestInit = { method: r.method, headers: { ...headers } };
  if (r.method !== "GET" && r.method !== "DELETE") {
    (init.headers as Record<string, string>)["content-type"] = "application/json";
    init.body = "{}";
  }
  return fetch(`${app.server.url}${url}`, init);
}

beforeAll(async () => {
  app = await startE2EApp({ env: { HEALTH_TOKEN: "health-token-for-tests-0001" } });
  a = await signUpTenant(app, { name: "Security A" });
  b = await signUpTenant(app, { name: "Security B" });
  adminA = await loginCookie(app.server.url, a.admin.email, a.admin.password);
  agentA = await loginCookie(app.server.url, a.agent.email, a.agent.password);
  const created = await fetch(`${app.server.url}/api/admin/api-keys`, {
    method: "POST",
    headers: { cookie: adminA, "content-type": "application/json" },
    body: JSON.stringify({ name: "security test", scopes: ["faq:read", "faq:write", "models:read", "models:write", "conversations:read", "conversations:notes", "analytics:read", "webhooks:read", "webhooks:write"] }),
  });
  expect(created.status).toBeLessThan(300);
  keyA = (await created.json()).key;

  // Tenant B's data, one row of each kind a route can address by id.
  const db = app.db;
  const visitor = await db.visitor.create({ data: { tenantId: b.tenantId, email: "b-visitor@example.com" } });
  const conv = await db.conversation.create({ data: { tenantId: b.tenantId, visitorId: visitor.id } });
  await db.message.create({ data: { tenantId: b.tenantId, conversationId: conv.id, seq: 1, role: "customer", text: "B secret" } });
  const faq = await db.faqVersion.create({ data: { tenantId: b.tenantId, number: 1, source: "seed", entryCount: 1 } });
  await db.faqEntry.create({ data: { tenantId: b.tenantId, versionId: faq.id, key: "b-entry", question: "B question?", answer: "B answer", language: "en" } });
  const model = await db.modelVersion.create({ data: { tenantId: b.tenantId, faqVersionId: faq.id, number: 1, kind: "ngram", artifactPath: "tenant-models/none", checksum: "x", sizeBytes: 1 } });
  const run = await db.trainingRun.create({ data: { tenantId: b.tenantId, faqVersionId: faq.id, status: "succeeded" } });
  const canned = await db.cannedResponse.create({ data: { tenantId: b.tenantId, shortcut: "b-canned", text: "B canned" } });
  const key = await db.apiKey.create({ data: { tenantId: b.tenantId, name: "B key", prefix: `bkey${Date.now()}`, keyHash: "x", scopes: ["faq:read"] } });
  const document = await db.knowledgeDocument.create({ data: { tenantId: b.tenantId, title: "B handbook", format: "markdown", text: "B secret handbook", contentHash: `b-${Date.now()}` } });
  const invitation = await db.invitation.create({ data: { tenantId: b.tenantId, email: "b-invitee@example.com", name: "B invitee", role: "agent", tokenHash: `b-${Date.now()}`, expiresAt: new Date(Date.now() + 86_400_000) } });
  const webhook = await db.webhook.create({ data: { tenantId: b.tenantId, url: "https://b-hooks.example.com/x", description: "B secret hook", events: ["handoff.queued"], secret: "whsec_b" } });
  // Sent already (so the worker leaves it alone), and addressable by "send again".
  const delivery = await db.webhookDelivery.create({ data: { tenantId: b.tenantId, webhookId: webhook.id, eventId: "evt_b", event: "handoff.queued", body: '{"data":"B secret"}', status: "delivered", attempts: 1 } });
  const team = await db.team.create({ data: { tenantId: b.tenantId, name: "B secret team", isDefault: true, languages: ["es"] } });
  const attachment = await db.attachment.create({ data: { tenantId: b.tenantId, conversationId: conv.id, uploadedBy: "customer", fileName: "b-secret.pdf", contentType: "application/pdf", size: 4, storageKey: `${b.tenantId}/bsecret` } });
  Object.assign(bIds, {
    webhooks: webhook.id,
    deliveries: delivery.id,
    conversations: conv.id,
    "canned-responses": canned.id,
    models: model.id,
    versions: faq.id,
    "api-keys": key.id,
    visitors: visitor.id,
    team: b.agent.id,
    invitations: invitation.id,
    knowledge: document.id,
    training: run.id,
    teams: team.id,
    attachments: attachment.id,
  });
});

afterAll(async () => {
  await app?.close();
});

describe("attachments", () => {
  it("opens no file without a valid signed link, and takes no agent upload into another tenant's conversation", async () => {
    const bare = await fetch(`${app.server.url}/api/attachments/${bIds.attachments}`);
    expect(bare.status).toBe(403);
    const forged = await fetch(`${app.server.url}/api/attachments/${bIds.attachments}?e=${Math.floor(Date.now() / 1000) + 600}&s=forged`);
    expect(forged.status).toBe(403);
    const form = new FormData();
    form.set("clientMessageId", "sec-upload-0001");
    form.set("file", new File([Buffer.from("%PDF-1.4\n")], "x.pdf", { type: "application/pdf" }));
    const upload = await fetch(`${app.server.url}/api/conversations/${bIds.conversations}/attachments`, { method: "POST", body: form, headers: { cookie: agentA, origin: app.server.url } });
    expect(upload.status).toBe(404);
    const widget = new FormData();
    widget.set("key", b.widgetKey);
    widget.set("visitorToken", "forged");
    widget.set("clientMessageId", "sec-upload-0002");
    widget.set("file", new File([Buffer.from("%PDF-1.4\n")], "x.pdf", { type: "application/pdf" }));
    const customer = await fetch(`${app.server.url}/api/widget/attachments`, { method: "POST", body: widget, headers: { origin: app.server.url } });
    expect(customer.status).toBe(401);
    expect(await app.db.attachment.count({ where: { tenantId: b.tenantId } })).toBe(1);
  });
});

describe("route inventory", () => {
  it("finds the API routes, and every non-public one goes through an authenticating wrapper", () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.auth === "UNPROTECTED").map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

describe("without credentials", () => {
  it("refuses every session and API-key route with 401 and a JSON error", async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.auth !== "public")) {
      const res = await call(r, {});
      const body = await res.json().catch(() => null);
      if (res.status !== 401 || !body?.error?.message) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses a forged or revoked API key", async () => {
    const r = routes.find((x) => x.path === "/api/v1/faq/versions" && x.method === "GET")!;
    expect((await call(r, { authorization: "Bearer fbk_nope_nope" })).status).toBe(401);
    expect((await call(r, { authorization: `Bearer ${keyA}` })).status).toBe(200);
    const created = await (await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie: adminA, "content-type": "application/json" }, body: JSON.stringify({ name: "to revoke", scopes: ["faq:read"] }) })).json();
    expect((await call(r, { authorization: `Bearer ${created.key}` })).status).toBe(200);
    const revoked = await fetch(`${app.server.url}/api/admin/api-keys/${created.apiKey.id}`, { method: "DELETE", headers: { cookie: adminA } });
    expect(revoked.status).toBe(200);
    expect((await call(r, { authorization: `Bearer ${created.key}` })).status).toBe(401);
  });
});

describe("with a lower role", () => {
  it("refuses every admin route to an agent with 403", async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.auth === "admin" || x.auth === "owner")) {
      const res = await call(r, { cookie: agentA });
      if (res.status !== 403) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("with another tenant's session or key", () => {
  it("never reads or changes tenant B's rows through an id in the URL", async () => {
    const before = JSON.stringify(await snapshotB());
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.path.includes("["))) {
      const headers: Record<string, string> = r.auth === "api-key" ? { authorization: `Bearer ${keyA}` } : { cookie: adminA };
      const res = await call(r, headers);
      const text = await res.text();
      if (res.status < 400 || /B secret|B answer|B canned|b-visitor@example.com/.test(text)) failures.push(`${r.method} ${r.path} → ${res.status} ${text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(JSON.stringify(await snapshotB())).toBe(before);
  });

  it("lists only the caller's tenant data on collection routes", async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.method === "GET" && !x.path.includes("[") && x.auth !== "public")) {
      const headers: Record<string, string> = r.auth === "api-key" ? { authorization: `Bearer ${keyA}` } : { cookie: adminA };
      const text = await (await call(r, headers)).text();
      if (/B secret|B answer|B canned|b-visitor@example.com|b-invitee@example.com|Security B/.test(text)) failures.push(`${r.method} ${r.path}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("workspaces of one person", () => {
  it("cannot switch a session into a workspace it has no membership of", async () => {
    const res = await fetch(`${app.server.url}/api/auth/workspace`, { method: "POST", headers: { cookie: adminA, "content-type": "application/json" }, body: JSON.stringify({ tenantId: b.tenantId }) });
    expect(res.status).toBe(404);
    expect(res.headers.getSetCookie()).toEqual([]);
    const me = await (await fetch(`${app.server.url}/api/auth/me`, { headers: { cookie: adminA } })).json();
    expect(me.user.tenantId).toBe(a.tenantId);
    const mine = await (await fetch(`${app.server.url}/api/auth/workspace`, { headers: { cookie: adminA } })).json();
    expect(mine.workspaces.map((w: { tenantId: string }) => w.tenantId)).toEqual([a.tenantId]);
  });
});

async function snapshotB() {
  const db = app.db;
  const where = { tenantId: b.tenantId };
  return Promise.all([
    db.message.findMany({ where, select: { id: true, text: true } }),
    db.conversation.findMany({ where, select: { id: true, status: true, owner: true } }),
    db.cannedResponse.findMany({ where, select: { id: true, text: true } }),
    db.modelVersion.findMany({ where, select: { id: true, status: true } }),
    db.faqVersion.count({ where }),
    db.apiKey.findMany({ where, select: { id: true, revokedAt: true } }),
    db.user.findMany({ where, select: { id: true, role: true, active: true } }),
    db.invitation.findMany({ where, select: { id: true, revokedAt: true, acceptedAt: true } }),
    db.knowledgeDocument.findMany({ where, select: { id: true, title: true } }),
    db.visitor.count({ where }),
    db.webhook.findMany({ where, select: { id: true, url: true, enabled: true, events: true, description: true } }),
    db.webhookDelivery.count({ where }),
    db.team.findMany({ where, select: { id: true, name: true, isDefault: true, languages: true } }),
    db.tenant.findUnique({ where: { id: b.tenantId }, select: { activeModelId: true, name: true, settings: true } }),
  ]);
}

describe("abuse", () => {
  it("throttles login brute force with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${app.server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: b.admin.email, password: `wrong-${i}` }) });
      statuses.push(res.status);
      retryAfter ??= res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password is refused while blocked.
    const res = await fetch(`${app.server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: b.admin.email, password: b.admin.password }) });
    expect(res.status).toBe(429);
  });

  it("refuses an oversized FAQ upload with a clear message and changes nothing", async () => {
    const versions = await app.db.faqVersion.count({ where: { tenantId: a.tenantId } });
    const big = "question,answer\n" + "a,b\n".repeat(1_400_000);
    const form = new FormData();
    form.append("file", new Blob([big]), "big.csv");
    const res = await fetch(`${app.server.url}/api/admin/faq/upload`, { method: "POST", headers: { cookie: adminA }, body: form });
    expect(res.status).toBe(413);
    // The limit as the docs state it (MAX_UPLOAD_BYTES = 5 MB), not the cap with multipart framing.
    expect((await res.json()).error.message).toMatch(/larger than the 5 MB limit/);
    expect(await app.db.faqVersion.count({ where: { tenantId: a.tenantId } })).toBe(versions);
  });

  it("answers malformed JSON bodies with 400, not a crash", async () => {
    const res = await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { cookie: adminA, "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect((await fetch(`${app.server.url}/api/health`)).status).toBe(200);
  });
  it("answers a 50 MB JSON body to the login with 413 at once, without reading it", async () => {
    // Only the headers and 1 KB are ever sent: a server that read the body first would never answer.
    const started = Date.now();
    const { status, body } = await rawRequest("/api/auth/login", { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) }, (req) => req.write("x".repeat(1024)));
    expect(status).toBe(413);
    expect(JSON.parse(body).error.message).toMatch(/request body is larger than the 1 MB limit/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("answers a chunked JSON body past the cap with 413 while it is still being sent", async () => {
    const { status } = await rawRequest("/api/auth/login", { "content-type": "application/json", "transfer-encoding": "chunked" }, (req) => {
      for (let i = 0; i < 24; i++) req.write("x".repeat(64 * 1024));
    });
    expect(status).toBe(413);
    expect((await fetch(`${app.server.url}/api/health`)).status).toBe(200);
  });

  it("refuses state-changing requests from another origin or in a form-friendly content type (CSRF)", async () => {
    const count = () => app.db.cannedResponse.count({ where: { tenantId: a.tenantId } });
    const before = await count();
    const json = JSON.stringify({ shortcut: "csrf", text: "planted" });
    // A page on another port of the same host: text/plain needs no preflight, and SameSite=Lax lets the cookie through.
    const crossPort = { cookie: adminA, origin: "http://127.0.0.1:5555", "content-type": "text/plain;charset=UTF-8" };
    const res = await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: crossPort, body: json });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/another website/);
    // Also refused as JSON from that origin, by Sec-Fetch-Site when no Origin is sent, and as text/plain from no origin at all.
    expect((await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { ...crossPort, "content-type": "application/json" }, body: json })).status).toBe(403);
    expect((await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { cookie: adminA, "sec-fetch-site": "same-site", "content-type": "application/json" }, body: json })).status).toBe(403);
    expect((await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { cookie: adminA, "content-type": "text/plain" }, body: json })).status).toBe(415);
    expect((await fetch(`${app.server.url}/api/admin/api-keys/${bIds["api-keys"]}`, { method: "DELETE", headers: { cookie: adminA, origin: "http://127.0.0.1:5555" } })).status).toBe(403);
    expect((await fetch(`${app.server.url}/api/auth/logout`, { method: "POST", headers: { cookie: adminA, origin: "https://evil.example" } })).status).toBe(403);
    expect(await count()).toBe(before);
    // The app's own pages still work.
    const own = await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { cookie: adminA, origin: app.server.url, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: json });
    expect(own.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it("logs an upload the client aborted as information, not as an error", async () => {
    const marker = app.server.output().length;
    await new Promise<void>((resolve) => {
      const req = http.request(`${app.server.url}/api/admin/faq/preview`, { method: "POST", headers: { cookie: adminA, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" } });
      req.on("error", () => resolve());
      req.write("--x\r\n" + "y".repeat(32 * 1024));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 500);
    });
    expect((await fetch(`${app.server.url}/api/health`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const logged = app.server.output().slice(marker);
    expect(logged).not.toMatch(/"level":(50|60)/);
  });

  it("shows process figures on /api/health only to admins and to HEALTH_TOKEN", async () => {
    const health = (headers: Record<string, string> = {}) => fetch(`${app.server.url}/api/health`, { headers }).then((r) => r.json());
    const anonymous = await health();
    expect(anonymous.status).toBe("ok");
    expect(anonymous.process).toBeUndefined();
    expect(JSON.stringify(anonymous)).not.toMatch(/rss|heap/i);
    expect((await health({ cookie: agentA })).process).toBeUndefined();
    expect((await health({ authorization: "Bearer wrong-token-wrong-token" })).process).toBeUndefined();
    expect((await health({ cookie: adminA })).process.memory).toBeDefined();
    expect((await health({ authorization: "Bearer health-token-for-tests-0001" })).process.memory).toBeDefined();
  });

  // Last in the file: the server answers 413 mid-upload and drops that connection.
  it("refuses an oversized upload sent without Content-Length (chunked) before buffering it", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${app.server.url}/api/v1/faq`, {
      method: "POST",
      headers: { authorization: `Bearer ${keyA}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/MB limit/);
  });
});

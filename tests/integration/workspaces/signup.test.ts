// Sign-up over HTTP: a business creates its workspace and lands signed in as its owner with an
// empty workspace (no allowed website yet); a taken e-mail is refused without saying so; sign-up
// is rate limited; someone signed in adds a workspace and the session moves between them. With
// SIGNUP=closed, /signup explains that only the operator creates workspaces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "@/tests/support/e2e-app";
import { startAppServer, type AppServer } from "@/tests/support/app-server";

let app: E2EApp;
let closed: AppServer;

beforeAll(async () => {
  app = await startE2EApp({ env: { TRUST_PROXY: "true" } });
});

afterAll(async () => {
  await closed?.stop();
  await app?.close();
});

const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("faqbot_session="))?.split(";")[0];

function signup(body: Record<string, unknown>, ip: string, base = app.server.url) {
  return fetch(`${base}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) });
}

const post = (path: string, cookie: string, body: unknown) => fetch(`${app.server.url}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
const me = async (cookie: string) => (await fetch(`${app.server.url}/api/auth/me`, { headers: { cookie } })).json() as Promise<{ user?: { tenantId: string; role: string } }>;

describe("sign-up (SIGNUP=open, the default)", () => {
  it("shows the form, creates the workspace and its owner, and signs them in to an empty workspace", async () => {
    const page = await (await fetch(`${app.server.url}/signup`)).text();
    expect(page).toContain("Create your workspace");
    expect(await (await fetch(`${app.server.url}/login`)).text()).toContain("Create a workspace");

    const res = await signup({ businessName: "Floristería Rosa", name: "Rosa", email: "Rosa@Flowers.test", password: "rosa-password-1" }, "10.20.0.1");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "rosa@flowers.test", role: "owner" });
    const cookie = cookieOf(res)!;
    expect((await me(cookie)).user).toMatchObject({ tenantId: body.tenant.id, role: "owner" });
    const tenant = await app.db.tenant.findUniqueOrThrow({ where: { id: body.tenant.id } });
    expect(tenant).toMatchObject({ name: "Floristería Rosa", allowedOrigins: [], activeModelId: null });
    const overview = await (await fetch(`${app.server.url}/admin?welcome=1`, { headers: { cookie } })).text();
    for (const step of ["Add your FAQ", "Train your bot", "Publish it", "Allow your website", "Copy the widget snippet", "Invite your agents"]) expect(overview).toContain(step);
  });

  it("refuses a taken e-mail without saying that it is taken, whatever the password", async () => {
    const first = await signup({ businessName: "Taken Co", name: "Tom", email: "tom@taken.test", password: "tom-password-1" }, "10.20.1.1");
    expect(first.status).toBe(201);
    const wrong = await signup({ businessName: "Other Co", name: "Eve", email: "tom@taken.test", password: "eve-guesses-1" }, "10.20.1.2");
    const right = await signup({ businessName: "Other Co", name: "Tom", email: "TOM@taken.test", password: "tom-password-1" }, "10.20.1.3");
    for (const res of [wrong, right]) {
      expect(res.status).toBe(409);
      expect(cookieOf(res)).toBeUndefined();
      const { error } = await res.json();
      expect(error.message).toMatch(/could not create a workspace with this e-mail address/);
      expect(error.message).not.toMatch(/exists|already has|taken|registered|in use/i);
    }
    expect(await app.db.tenant.count({ where: { name: "Other Co" } })).toBe(0);
    expect(await app.db.account.count({ where: { email: "tom@taken.test" } })).toBe(1);
  });

  it("names every invalid field", async () => {
    const res = await signup({ businessName: "", name: "", email: "nope", password: "short" }, "10.20.2.1");
    expect(res.status).toBe(422);
    const paths = (await res.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["businessName", "email", "name", "password"]);
  });

  it("limits sign-ups per network", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const res = await signup({ businessName: `Flood ${i}`, name: "F", email: `flood-${i}@flood.test`, password: "flood-password" }, "10.20.3.1");
      statuses.push(res.status);
      retryAfter ??= res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another network is not held back.
    expect((await signup({ businessName: "Calm Co", name: "C", email: "calm@calm.test", password: "calm-password" }, "10.20.3.2")).status).toBe(201);
  });

  it("adds a workspace for someone signed in; the session acts for one workspace at a time and switches", async () => {
    const res = await signup({ businessName: "Agency One", name: "Ada", email: "ada@agency.test", password: "ada-password-1" }, "10.20.4.1");
    const first = cookieOf(res)!;
    const firstTenant = (await res.json()).tenant.id as string;
    const added = await post("/api/workspaces", first, { name: "Agency Two" });
    expect(added.status).toBe(201);
    const second = cookieOf(added)!;
    const secondTenant = (await added.json()).tenant.id as string;
    expect((await me(second)).user).toMatchObject({ tenantId: secondTenant, role: "owner" });
    // The session that created it moved on: the old cookie no longer works.
    expect((await fetch(`${app.server.url}/api/auth/me`, { headers: { cookie: first } })).status).toBe(401);

    const list = await (await fetch(`${app.server.url}/api/auth/workspace`, { headers: { cookie: second } })).json();
    expect(list.workspaces.map((w: { name: string; current: boolean }) => [w.name, w.current])).toEqual([
      ["Agency One", false],
      ["Agency Two", true],
    ]);
    const back = await post("/api/auth/workspace", second, { tenantId: firstTenant });
    expect(back.status).toBe(200);
    const third = cookieOf(back)!;
    expect((await me(third)).user?.tenantId).toBe(firstTenant);
    expect((await fetch(`${app.server.url}/api/auth/me`, { headers: { cookie: second } })).status).toBe(401);
    // Every check uses the session's workspace: its settings are Agency One's.
    const settings = await (await fetch(`${app.server.url}/api/admin/settings`, { headers: { cookie: third } })).json();
    expect(settings.settings.name).toBe("Agency One");
    // A page still showing Agency Two (another tab) is refused instead of acting on Agency One.
    const stale = await fetch(`${app.server.url}/api/canned-responses`, { method: "POST", headers: { cookie: third, "content-type": "application/json", "x-faqbot-workspace": secondTenant }, body: JSON.stringify({ shortcut: "stale", text: "from the other tab" }) });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/switched to another workspace in another tab/);
    expect(await app.db.cannedResponse.count({ where: { shortcut: "stale" } })).toBe(0);
  });
});

describe("sign-up closed (SIGNUP=closed)", () => {
  it("explains that only the operator creates workspaces, and refuses sign-up and new workspaces", async () => {
    closed = await startAppServer({ databaseUrl: "", env: { SIGNUP: "closed" } });
    const page = await (await fetch(`${closed.url}/signup`)).text();
    expect(page).toContain("Sign-up is closed");
    expect(page).toContain("created by its operator");
    expect(await (await fetch(`${closed.url}/login`)).text()).not.toContain("Create a workspace");
    const res = await signup({ businessName: "Nope", name: "N", email: "n@nope.test", password: "nope-password" }, "10.30.0.1", closed.url);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Sign-up is closed.*operator/);
    const login = await fetch(`${closed.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.local", password: "demo-admin-pass" }) });
    const cookie = cookieOf(login)!;
    const added = await fetch(`${closed.url}/api/workspaces`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "Another" }) });
    expect(added.status).toBe(403);
  });
});

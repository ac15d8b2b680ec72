// First-run setup: a server started with SEED_DEMO=false on an empty database prints a one-time
// setup link; opening it creates the first workspace and its owner, who is signed in; the link
// then stops working, and a restart prints no new one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, testDbKinds, type EmptyTestDatabase } from "@/tests/support/db";
import { startAppServer, type AppServer } from "@/tests/support/app-server";

const kinds = await testDbKinds();

describe.each(kinds)("first-run setup on %s", (kind) => {
  let database: EmptyTestDatabase;
  let server: AppServer;
  let link: URL;

  beforeAll(async () => {
    database = await createEmptyTestDatabase(kind);
    server = await startAppServer({ databaseUrl: database.url, env: { SEED_DEMO: "false" } });
  });

  afterAll(async () => {
    await server?.stop();
    await database?.cleanup();
  });

  const setup = (body: Record<string, unknown>) => fetch(`${server.url}/api/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const owner = { businessName: "Panadería Alba", name: "Alba", email: "alba@bakery.test", password: "alba-password-1" };

  it("prints a one-time setup link, and no demo workspace exists", async () => {
    const m = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(server.output());
    expect(m, server.output()).not.toBeNull();
    link = new URL(m![1]!);
    expect(server.output()).toMatch(/no workspace yet/);
    expect(server.output()).not.toContain("Demo tenant created");
    const page = await (await fetch(`${server.url}${link.pathname}${link.search}`)).text();
    expect(page).toContain("Set up this server");
    expect(await (await fetch(`${server.url}/setup?token=${"x".repeat(43)}`)).text()).toContain("This setup link does not work");
    expect(await (await fetch(`${server.url}/login`)).text()).toContain("This server has no workspace yet");
    // Nobody can sign in yet: there is no account at all.
    expect((await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.local", password: "demo-admin-pass" }) })).status).toBe(401);
  });

  it("creates the first workspace and its owner from the link, signed in; the link then stops working", async () => {
    const token = link.searchParams.get("token")!;
    expect((await setup({ ...owner, token: "y".repeat(43) })).status).toBe(404);
    const bad = await setup({ ...owner, token, password: "short" });
    expect(bad.status).toBe(422);
    const res = await setup({ ...owner, token });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("faqbot_session="))!.split(";")[0]!;
    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();
    expect(me.user).toMatchObject({ email: "alba@bakery.test", role: "owner", name: "Alba" });
    const overview = await (await fetch(`${server.url}/admin?welcome=1`, { headers: { cookie } })).text();
    expect(overview).toContain("Panadería Alba");
    expect(overview).toContain("Add your FAQ");

    const again = await setup({ ...owner, email: "other@bakery.test", token });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already set up/);
    expect(await (await fetch(`${server.url}${link.pathname}${link.search}`)).text()).toContain("Already set up");
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: owner.email, password: owner.password }) });
    expect(login.status).toBe(200);
  });

  it("prints no setup link after a restart once a workspace exists", async () => {
    const before = server.output().length;
    await server.restart();
    expect(server.output().slice(before)).not.toMatch(/setup\?token=/);
  });
});

// The foundation as a new user meets it: the server starts on an empty database, health says ok,
// the demo page renders, /agent and /admin sit behind the login page, and a restart keeps all
// data while applying no migration twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";

let app: E2EApp;
let browser: Browser;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("first start", () => {
  it("reports healthy with the database it runs on", async () => {
    const res = await fetch(`${app.server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.state).toBe("ok");
    expect(body.database.kind).toBe(process.env.E2E_DATABASE === "postgres" ? "postgres" : "sqlite");
    expect(body.models.mode).toBe("faq-only");
  });

  it("creates the demo tenant with a published model and prints where to go", async () => {
    const demo = await app.db.tenant.findUnique({ where: { widgetKey: "pk_demo" } });
    expect(demo?.activeModelId).toBeTruthy();
    expect(app.server.output()).toContain("/demo");
    expect(app.server.output()).toContain("/agent");
    expect(app.server.output()).toContain("/admin");
  });

  it("renders the demo page with the one-line widget snippet", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/demo`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Demo Shop");
    await expect(page.locator("pre").textContent()).resolves.toContain('data-tenant="pk_demo"');
    await page.close();
  });
});

describe("consoles behind login", () => {
  it("sends a visitor of /agent to the login page, and back after signing in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/agent`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("E-mail").fill("agent@demo.local");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error").textContent()).resolves.toContain("incorrect");
    await page.getByLabel("Password").fill("demo-agent-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/agent$/);
    await expect(page.getByTestId("current-user").textContent()).resolves.toContain("agent");
    // An agent cannot open the admin console.
    await page.goto(`${app.server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByTestId("login-notice").textContent()).resolves.toContain("cannot open that page");
    await context.close();
  });

  it("opens /admin for the admin", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login?next=/admin`);
    await page.getByLabel("E-mail").fill("admin@demo.local");
    await page.getByLabel("Password").fill("demo-admin-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The sign-in page's own URL contains "/admin" (in ?next=): wait for the path itself.
    await page.waitForURL((u) => u.pathname.startsWith("/admin"));
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toMatch(/^\/admin/);
    expect(await page.content()).toContain("Demo Shop");
    await context.close();
  });
});

describe("restart", () => {
  it("keeps all data and applies no migration twice", async () => {
    const demo = await app.db.tenant.findUniqueOrThrow({ where: { widgetKey: "pk_demo" } });
    const canned = await app.db.cannedResponse.create({ data: { tenantId: demo.id, shortcut: "kept", text: "still here after a restart" } });
    const before = await app.db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name");
    await app.server.restart();
    const health = await (await fetch(`${app.server.url}/api/health`)).json();
    expect(health.status).toBe("ok");
    const after = await app.db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name");
    expect(after).toEqual(before);
    expect((await app.db.cannedResponse.findUnique({ where: { id: canned.id } }))?.text).toBe("still here after a restart");
    // The demo tenant is not created a second time.
    expect(await app.db.tenant.count({ where: { widgetKey: "pk_demo" } })).toBe(1);
  });
});

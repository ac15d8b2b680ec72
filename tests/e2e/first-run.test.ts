// A fresh install without the demo, as its operator meets it in Chromium: the server prints a
// one-time setup link; opening it creates the first workspace and its owner, who lands in the
// admin console with the first-run checklist; the link then says the server is set up.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";

let app: E2EApp;
let browser: Browser;

beforeAll(async () => {
  app = await startE2EApp({ env: { SEED_DEMO: "false", SIGNUP: "closed" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it("sets up the first workspace from the printed link, once", async () => {
  const link = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(app.server.output())?.[1];
  expect(link, app.server.output()).toBeTruthy();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.server.url}/login`);
  await page.getByTestId("no-workspace").waitFor();

  await page.goto(link!);
  await page.getByLabel("Business name").fill("Óptica Norte");
  await page.getByLabel("Your name").fill("Nora");
  await page.getByLabel("E-mail").fill("nora@optica.test");
  await page.getByLabel("Password").fill("nora-password-1");
  await page.getByRole("button", { name: "Create the workspace" }).click();
  await page.waitForURL((u) => u.pathname === "/admin");
  await page.getByTestId("onboarding-checklist").waitFor();
  expect(await page.getByTestId("current-workspace").textContent()).toBe("Óptica Norte");
  expect(await app.db.tenant.count()).toBe(1);

  const again = await browser.newContext();
  const other = await again.newPage();
  await other.goto(link!);
  await other.getByTestId("setup-done").waitFor();
  // With SIGNUP=closed nobody else can make a workspace from the sign-up page either.
  await other.goto(`${app.server.url}/signup`);
  await other.getByTestId("signup-closed").waitFor();
  await context.close();
  await again.close();
});

// The admin console in real Chromium, as an admin uses it: sign in, upload an FAQ with errors
// (every error shown with its line, nothing saved), upload the corrected file and save it, train
// with a visible progress bar, read the report, try the model, publish (confirmed in an in-page
// dialog, never the browser's pop-up) — and a customer then gets the answer from the entry that did
// not exist before. An upload's preview says what saving it changes against the current FAQ
// version. Agents are kept out with a clear message.
// The tests of "admin console" are one admin's journey on one tenant: later ones build on the FAQ
// and published model of the first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { seedTenant, type SeededTenant } from "../support/seed";
import { connectWidget } from "../integration/handoff/helpers";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/faq/${name}`, import.meta.url));

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

/** Fails the test on any native pop-up (window.confirm/alert): the console confirms in the page. */
function refuseNativeDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Confirms in the console's in-page dialog, which must be titled `title`. */
async function confirmInPage(page: Page, title: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  await dialog.getByTestId("confirm-dialog-confirm").click();
  await dialog.waitFor({ state: "detached" });
}

async function signIn(page: Page, user: { email: string; password: string }, next: string) {
  await page.goto(`${app.server.url}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
}

describe("admin console", () => {
  let t: SeededTenant;
  beforeAll(async () => {
    t = await seedTenant(app.db, { name: "Console shop" });
  });

  it("takes an FAQ from a file with errors to a published model that answers customers", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const nativeDialogs = refuseNativeDialogs(page);
    await signIn(page, t.admin, "/admin/faq");
    await page.waitForURL(/\/admin\/faq$/);
    await page.getByTestId("faq-empty").waitFor();

    // A file with errors: every error with its line, and nothing saved.
    await page.getByTestId("faq-file").setInputFiles(fixture("errors-rows.csv"));
    await page.getByTestId("preview-errors").waitFor();
    expect(await page.getByTestId("nothing-saved").textContent()).toMatch(/Nothing was saved/);
    const errors = page.getByTestId("line-error");
    expect(await errors.evaluateAll((els) => els.map((e) => e.getAttribute("data-line")))).toEqual(["5", "7", "10"]);
    const texts = await errors.allTextContents();
    expect(texts[0]).toMatch(/Line 5: the question "How do I return an item\?" has no answer/);
    expect(texts[1]).toMatch(/Line 7: .*duplicates the question on line 2/);
    expect(texts[2]).toMatch(/Line 10: the question is \d+ characters long/);
    // The line is said once: the message's own "Line 5:" is the label, not repeated next to it.
    for (const [i, line] of [[0, 5], [1, 7], [2, 10]] as const) expect(texts[i].match(new RegExp(`\\bline ${line}\\b`, "gi")), texts[i]).toHaveLength(1);
    expect(await app.db.faqVersion.count({ where: { tenantId: t.tenantId } })).toBe(0);

    // The corrected file: a preview of every entry, then saved as version 1.
    await page.getByTestId("faq-file").setInputFiles(fixture("corrected.csv"));
    await page.getByTestId("preview-ok").waitFor();
    expect(await page.getByTestId("preview-row").count()).toBe(8);
    await page.getByTestId("preview-row").filter({ hasText: "¿Vendéis tarjetas regalo?" }).waitFor();
    expect(await page.getByTestId("upload-change-headline").textContent()).toBe("Saving creates FAQ v1, the first version of your FAQ, with 8 entries.");
    expect(await app.db.faqVersion.count({ where: { tenantId: t.tenantId } })).toBe(0);
    await page.getByTestId("save-upload").click();
    await page.getByTestId("faq-saved").waitFor();
    expect(await page.getByTestId("faq-saved").textContent()).toMatch(/FAQ version 1 with 8 entries/);
    expect(await page.getByTestId("faq-entry").count()).toBe(8);
    // With an FAQ in place, the file format and the samples stay one click away on the upload card.
    const format = page.getByTestId("faq-upload").getByTestId("faq-format");
    expect(await format.locator("summary").textContent()).toBe("File format and sample");
    await format.locator("summary").click();
    expect(await format.getByTestId("faq-sample-csv").getAttribute("href")).toBe("/api/admin/faq/sample?format=csv");

    // Train with a visible progress bar that reaches done.
    await page.goto(`${app.server.url}/admin/training`);
    await page.getByTestId("train").click();
    const bar = page.getByTestId("training-progress");
    await bar.waitFor({ state: "visible" });
    await page.locator('[data-testid="training-run"][data-status="succeeded"]').waitFor();
    expect(await bar.getAttribute("aria-valuenow")).toBe("100");
    expect(await page.getByTestId("training-phase").textContent()).toMatch(/Done/);

    // The report of the new version: one headline (answered right, wrong answers, how measured);
    // the classifier's figures and threshold chart only under Details.
    await page.getByTestId("evaluation-report").waitFor();
    const headline = page.getByTestId("report-headline");
    expect(await headline.getByTestId("headline-answered-value").textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await headline.getByTestId("headline-wrong-value").textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.getByTestId("headline-measured").textContent()).toMatch(/How this was measured/);
    expect(await page.getByTestId("metric-accuracy").isVisible()).toBe(false);
    await page.getByTestId("report-details").locator("summary").click();
    expect(await page.getByTestId("metric-accuracy-value").textContent()).toMatch(/^\d+(\.\d)?%$/);
    await page.getByTestId("threshold-chart").locator("svg").first().waitFor();

    // The test console answers from the unpublished version.
    await page.getByTestId("try-input").fill("Do you sell gift cards?");
    await page.getByTestId("try-ask").click();
    await page.getByTestId("try-result").waitFor();
    expect(await page.getByTestId("try-result").textContent()).toContain("Do you sell gift cards?");

    // Publish, confirmed in an accessible in-page dialog: the focus moves into it (on "Cancel"),
    // Escape cancels and gives the focus back to the button; confirming marks the version live.
    expect(await page.locator('[data-testid="model-version"][data-live="true"]').count()).toBe(0);
    const publish = page.getByTestId("publish").first();
    await publish.click();
    const dialog = page.getByRole("dialog", { name: "Publish model v1?" });
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    expect(await dialog.getByTestId("confirm-dialog-body").textContent()).toBe("Customers get its answers (from FAQ v1) from their next message on. No model answers them yet: this is the first one live.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("confirm-dialog-cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("publish");
    expect(await page.locator('[data-testid="model-version"][data-live="true"]').count()).toBe(0);
    await publish.click();
    await confirmInPage(page, "Publish model v1?");
    await page.locator('[data-testid="model-version"][data-live="true"]').waitFor();
    await page.getByTestId("publish-notice").waitFor();
    expect(nativeDialogs).toEqual([]);
    await context.close();

    // A customer asks about the entry that did not exist before and gets its answer.
    const customer = await connectWidget(app.server.url, t.widgetKey);
    try {
      await customer.call("sync", { afterSeq: 0 });
      const sent = await customer.send("¿Vendéis tarjetas regalo?");
      const done = await customer.waitFor<{ replyTo: string; message: { text: string; source?: { key: string } | null } }>("bot:done", (p) => p.replyTo === sent.message.id);
      expect(done.message.source?.key).toBe("vendeis-tarjetas-regalo");
      expect(done.message.text).toMatch(/tarjetas regalo de 10 € a 200 €/);
    } finally {
      customer.close();
    }
  });

  it("edits an entry inline, saves it as a new version and shows the difference", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.admin, "/admin/faq");
    await page.waitForURL(/\/admin\/faq$/);
    const entry = page.getByTestId("faq-entry").filter({ hasText: "Where is my order?" });
    await entry.getByRole("button", { name: "Edit" }).click();
    await page.getByTestId("entry-form").locator('textarea[name="answer"]').fill("Track it from the link in your shipping e-mail.");
    await page.getByTestId("entry-form").getByRole("button", { name: "Done" }).click();
    await page.getByTestId("save-edits").click();
    await page.getByTestId("faq-saved").waitFor();
    expect(await page.getByTestId("faq-saved").textContent()).toMatch(/FAQ version 2/);
    await page.getByTestId("diff-compare").click();
    const changed = page.getByTestId("diff-changed");
    await changed.waitFor();
    expect(await changed.textContent()).toContain("Track it from the link");
    expect(await page.getByTestId("diff-added").count()).toBe(0);
    await context.close();
  });

  it("previews what an upload changes against the current FAQ version before saving it", async () => {
    // FAQ v2 is the latest (the inline edit above changed the answer of "Where is my order?").
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.admin, "/admin/faq");
    await page.waitForURL(/\/admin\/faq$/);
    const versions = () => app.db.faqVersion.count({ where: { tenantId: t.tenantId } });
    const original = fs.readFileSync(fixture("corrected.csv"), "utf8");

    // The original file again, with one new entry and a new category for the gift cards: added
    // and changed entries are named (matched by key), with what changed.
    const edited = original.replace(",Gift cards,en", ",Vouchers,en") + "Do you ship to the Canary Islands?,\"Yes, in 3 to 5 days.\",,Shipping,en\n";
    await page.getByTestId("faq-file").setInputFiles({ name: "edited.csv", mimeType: "text/csv", buffer: Buffer.from(edited) });
    await page.getByTestId("preview-ok").waitFor();
    const change = page.getByTestId("upload-change");
    expect(await change.getAttribute("data-identical")).toBe("false");
    expect(await page.getByTestId("upload-change-headline").textContent()).toBe("Saving creates FAQ v3 with 9 entries, replacing the current FAQ v2 (v2 stays in the version history).");
    expect(await page.getByTestId("upload-change-counts").textContent()).toBe("Compared with v2: 1 added, 0 removed, 2 changed, 6 unchanged.");
    expect(await page.getByTestId("change-added").allTextContents()).toEqual(["Added: Do you ship to the Canary Islands?"]);
    expect(await page.getByTestId("change-removed").count()).toBe(0);
    expect(await page.getByTestId("change-changed").allTextContents()).toEqual([
      "Changed: Where is my order? — answer",
      "Changed: Do you sell gift cards? — category (“Gift cards” → “Vouchers”)",
    ]);
    await page.getByRole("button", { name: "Discard" }).click();
    await change.waitFor({ state: "detached" });

    // The current version downloaded and uploaded again: saving would create an identical version.
    const current = await page.request.get(`${app.server.url}/api/admin/faq/export?format=csv`);
    expect(current.status()).toBe(200);
    await page.getByTestId("faq-file").setInputFiles({ name: "faq-v2.csv", mimeType: "text/csv", buffer: await current.body() });
    await page.getByTestId("preview-ok").waitFor();
    expect(await change.getAttribute("data-identical")).toBe("true");
    expect(await page.getByTestId("upload-change-headline").textContent()).toBe("This file has the same entries as the current FAQ v2, in the same order: saving would create FAQ v3, identical to v2.");
    expect(await page.getByTestId("change-changed").count()).toBe(0);
    await page.getByRole("button", { name: "Discard" }).click();
    expect(await versions()).toBe(2);
    await context.close();
  });

  it("tries a newly trained model before publishing it, and the FAQ page says which FAQ version is live", async () => {
    // Model v1 (FAQ v1) is live and FAQ v2 was saved by the test above.
    const context = await browser.newContext();
    const page = await context.newPage();
    const nativeDialogs = refuseNativeDialogs(page);
    await signIn(page, t.admin, "/admin/faq");
    await page.waitForURL(/\/admin\/faq$/);
    const live = page.getByTestId("live-faq");
    expect(await live.getAttribute("data-kind")).toBe("behind");
    expect(await live.textContent()).toContain("The live bot answers from FAQ v1 (model v1), not from FAQ v2. Train and publish to put v2 live.");
    expect(await page.getByTestId("live-faq-action").getAttribute("href")).toBe("/admin/training");

    // Train on FAQ v2: the test console then tries model v2, not the live v1.
    await page.getByTestId("live-faq-action").click();
    await page.waitForURL(/\/admin\/training$/);
    expect(await page.getByTestId("training").textContent()).toContain("FAQ v2 has not been trained yet.");
    await page.getByTestId("train").click();
    // "Done" comes with the new version's row, never next to "FAQ v2 has not been trained yet".
    await page.locator('[data-testid="training-run"][data-status="succeeded"]', { hasText: "FAQ v2" }).waitFor();
    expect(await page.locator('[data-testid="model-version"][data-number="2"]').count()).toBe(1);
    expect(await page.getByTestId("training").textContent()).not.toContain("has not been trained yet");
    const select = page.getByTestId("try-version");
    const v2 = await app.db.modelVersion.findFirstOrThrow({ where: { tenantId: t.tenantId, number: 2 } });
    expect(await select.inputValue()).toBe(v2.id);
    expect(await select.locator("option").allTextContents()).toEqual(["v2 — newest, not live, FAQ v2", "v1 — live, FAQ v1"]);
    expect(await page.getByTestId("try-version-note").textContent()).toBe("Trying model v2, which customers do not get yet (they get v1): publish it above to put it live.");
    await page.getByTestId("try-input").fill("Where is my order?");
    await page.getByTestId("try-ask").click();
    await page.getByTestId("try-answer").waitFor();
    expect(await page.getByTestId("try-answered-by").textContent()).toBe("Model v2:");
    expect(await page.getByTestId("try-answer").textContent()).toContain("Track it from the link");
    // The live one is still a choice.
    await select.selectOption({ label: "v1 — live, FAQ v1" });
    expect(await page.getByTestId("try-version-note").getAttribute("data-live")).toBe("true");

    // Publish v2: the FAQ page confirms FAQ v2 is live.
    await page.locator('[data-testid="model-version"][data-number="2"]').getByTestId("publish").click();
    expect(await page.getByTestId("confirm-dialog-body").textContent()).toBe(
      "Customers get its answers (from FAQ v2) from their next message on; model v1, live now, stops answering. You can roll back to v1 from this table.",
    );
    await confirmInPage(page, "Publish model v2?");
    await page.locator('[data-testid="model-version"][data-number="2"][data-live="true"]').waitFor();
    await page.goto(`${app.server.url}/admin/faq`);
    expect(await page.getByTestId("live-faq").textContent()).toBe("The live bot answers from this version, FAQ v2 (model v2).");

    // Roll back to v1: the FAQ page says FAQ v1 answers, and that model v2 is ready to publish.
    await page.goto(`${app.server.url}/admin/training`);
    await page.locator('[data-testid="model-version"][data-number="1"]').getByTestId("publish").click();
    await confirmInPage(page, "Roll back to model v1?");
    await page.locator('[data-testid="model-version"][data-number="1"][data-live="true"]').waitFor();
    await page.goto(`${app.server.url}/admin/faq`);
    expect(await page.getByTestId("faq-latest").textContent()).toMatch(/^Latest version: FAQ v2, 8 entries/);
    expect(await page.getByTestId("live-faq").getAttribute("data-kind")).toBe("behind");
    expect(await page.getByTestId("live-faq").textContent()).toContain("The live bot answers from FAQ v1 (model v1), not from FAQ v2. Model v2, trained on FAQ v2, is ready: publish it to put v2 live.");
    expect(nativeDialogs).toEqual([]);
    await context.close();
  });

  it("shows the widget snippet and a live preview that chats even when the console is not an allowed origin", async () => {
    await app.db.tenant.update({ where: { id: t.tenantId }, data: { allowedOrigins: ["https://shop.example.com"] } });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.admin, "/admin/widget");
    await page.waitForURL(/\/admin\/widget$/);
    expect(await page.getByTestId("widget-snippet").textContent()).toBe(`<script src="${app.server.url}/widget.js" data-tenant="${t.widgetKey}" async></script>`);
    await page.getByTestId("widget-mock").waitFor();
    // The static preview says what the real widget says, with its drawn launcher icon (no emoji).
    expect(await page.getByTestId("widget-mock-placeholder").innerText()).toBe("Write a message…");
    expect(await page.getByTestId("widget-mock-launcher-icon").count()).toBe(1);
    expect(await page.getByTestId("widget-mock").innerText()).not.toContain("💬");
    await page.getByTestId("toggle-live-preview").click();
    const frame = page.frameLocator('[data-testid="widget-preview-frame"]');
    await frame.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await frame.locator("textarea").fill("Do you sell gift cards?");
    await frame.locator("textarea").press("Enter");
    await frame.locator('[data-testid="message"][data-role="bot"]', { hasText: "never expire" }).waitFor();
    await context.close();
  });

  it("serves the console pages with a Content-Security-Policy they render and work under", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
    });
    const login = await page.goto(`${app.server.url}/login?next=${encodeURIComponent("/admin/analytics")}`);
    expect(login!.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
    await signIn(page, t.admin, "/admin/analytics");
    await page.waitForURL(/\/admin\/analytics$/);
    for (const p of ["/admin/faq", "/admin/settings", "/admin/widget", "/agent"]) {
      const res = await page.goto(`${app.server.url}${p}`);
      expect(res!.status(), p).toBe(200);
      const csp = res!.headers()["content-security-policy"] ?? "";
      expect(csp, p).toMatch(/object-src 'none'/);
      expect(csp, p).toMatch(/frame-ancestors 'none'/);
      // Hydrated: a client-side control responds.
      await page.waitForLoadState("networkidle");
    }
    // The agent console connected its socket under connect-src 'self'.
    await page.getByTestId("presence").or(page.locator("main")).first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("never leaves the site after sign-in, whatever ?next= says", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const next of ["/\\evil.example/phish", "/\t/evil.example"]) {
      await page.goto(`${app.server.url}/login?next=${encodeURIComponent(next)}`);
      await page.locator('input[name="email"]').fill(t.admin.email);
      await page.locator('input[name="password"]').fill(t.admin.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((u) => u.pathname !== "/login");
      expect(new URL(page.url()).host).toBe(new URL(app.server.url).host);
    }
    await context.close();
  });

  it("sends an agent who opens the admin console to sign in as an admin, with a message", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, t.agent, "/agent");
    await page.waitForURL(/\/agent$/);
    await page.goto(`${app.server.url}/admin/training`);
    await page.waitForURL(/\/login\?/);
    await page.getByText("Your account cannot open that page. Sign in with an admin account.").waitFor();
    await context.close();
  });
});

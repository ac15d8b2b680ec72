// Analytics computed from seeded conversations across several days match figures worked out by
// hand, through the API and on the dashboard (real Chromium: charts are drawn, figures shown);
// "Add to FAQ" on an unanswered question creates a new FAQ version containing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Db } from "@/lib/db";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { launchBrowser } from "../support/browser";
import { loginCookie, seedTenant, type SeededTenant } from "../support/seed";

let app: E2EApp;
let browser: Browser;
let t: SeededTenant;
let other: SeededTenant;
let apiKey: string;

const DAY = 86_400_000;
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
/** 10:00 UTC `n` days ago (n ≥ 1, so never in the future). */
const at = (n: number, plusSeconds = 0) => new Date(today.getTime() - n * DAY + 10 * 3600_000 + plusSeconds * 1000);
const dayKey = (n: number) => at(n).toISOString().slice(0, 10);

interface Seed {
  day: number;
  customer?: string;
  decisions?: { kind: "answer" | "suggest" | "handoff"; text: string }[];
  handoff?: { reason: string; claimAfter?: number; respondAfter?: number };
  rating?: number;
  feedback?: number;
}

async function seedConversation(db: Db, tenantId: string, s: Seed) {
  const created = at(s.day);
  const visitor = await db.visitor.create({ data: { tenantId, createdAt: created, lastSeenAt: created } });
  const c = await db.conversation.create({ data: { tenantId, visitorId: visitor.id, createdAt: created, updatedAt: created } });
  let seq = 0;
  const customer = s.customer
    ? await db.message.create({ data: { tenantId, conversationId: c.id, seq: ++seq, role: "customer", text: s.customer, createdAt: at(s.day, 1) } })
    : null;
  for (const d of s.decisions ?? []) {
    await db.decision.create({ data: { tenantId, conversationId: c.id, messageId: customer?.id, kind: d.kind, text: d.text, reason: "seeded", confidence: 0.5, createdAt: at(s.day, 2) } });
  }
  if (s.feedback !== undefined) await db.message.create({ data: { tenantId, conversationId: c.id, seq: ++seq, role: "bot", text: "An answer", feedback: s.feedback, createdAt: at(s.day, 3) } });
  if (s.handoff) {
    const queuedAt = at(s.day, 10);
    const claimedAt = s.handoff.claimAfter === undefined ? null : new Date(queuedAt.getTime() + s.handoff.claimAfter * 1000);
    const firstResponseAt = claimedAt && s.handoff.respondAfter !== undefined ? new Date(claimedAt.getTime() + s.handoff.respondAfter * 1000) : null;
    await db.handoff.create({ data: { tenantId, conversationId: c.id, reason: s.handoff.reason, queuedAt, claimedAt, firstResponseAt, status: claimedAt ? "claimed" : "queued" } });
  }
  if (s.rating) await db.rating.create({ data: { tenantId, conversationId: c.id, score: s.rating, createdAt: at(s.day, 20) } });
}

const SEEDS: Seed[] = [
  { day: 4, customer: "How much is shipping?", decisions: [{ kind: "answer", text: "How much is shipping?" }], feedback: 1 },
  { day: 4, customer: "cuánto cuesta enviar a canarias", decisions: [{ kind: "suggest", text: "cuánto cuesta enviar a canarias" }, { kind: "answer", text: "cuánto cuesta enviar a canarias" }] },
  { day: 3, customer: "¿Cuánto cuesta el envío a Canarias?", decisions: [{ kind: "handoff", text: "¿Cuánto cuesta el envío a Canarias?" }], handoff: { reason: "model_handoff", claimAfter: 60, respondAfter: 30 }, rating: 5 },
  { day: 3, customer: "I want to talk to a human about my refund", handoff: { reason: "customer_request", claimAfter: 180, respondAfter: 90 }, rating: 3, feedback: -1 },
  { day: 2, customer: "Cuanto cuesta el envio a Canarias", decisions: [{ kind: "suggest", text: "Cuanto cuesta el envio a Canarias" }], rating: 4, feedback: 1 },
  { day: 1, customer: "Do you deliver to Mars?", decisions: [{ kind: "handoff", text: "Do you deliver to Mars?" }], handoff: { reason: "model_handoff", claimAfter: 120 } },
  { day: 1 },
];

// Worked out by hand from SEEDS.
const EXPECTED = {
  total: 7,
  perDay: { [dayKey(4)]: 2, [dayKey(3)]: 2, [dayKey(2)]: 1, [dayKey(1)]: 2 },
  botResolved: { count: 2, total: 7 }, // the two conversations with an answer and no hand-off
  handoffs: { total: 3, byReason: [{ reason: "model_handoff", count: 2 }, { reason: "customer_request", count: 1 }] },
  wait: 120, // median of 60, 180, 120 s
  firstResponse: 60, // median of 30, 90 s
  csat: { count: 3, mean: 4, distribution: [0, 0, 1, 1, 1] },
  feedback: { up: 2, down: 1 },
};

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  t = await seedTenant(app.db, { name: "Analytics Tenant" });
  other = await seedTenant(app.db, { name: "Other Tenant" });
  for (const s of SEEDS) await seedConversation(app.db, t.tenantId, s);
  // Noise that must not count: another tenant's conversations, and one older than 7 days.
  for (const s of SEEDS) await seedConversation(app.db, other.tenantId, s);
  await seedConversation(app.db, t.tenantId, { day: 20, decisions: [{ kind: "answer", text: "old" }], rating: 1 });
  // An existing FAQ that "Add to FAQ" extends.
  const v = await app.db.faqVersion.create({ data: { tenantId: t.tenantId, number: 1, source: "seed", entryCount: 1 } });
  await app.db.faqEntry.create({ data: { tenantId: t.tenantId, versionId: v.id, key: "shipping-cost", question: "How much is shipping?", answer: "€4.95", language: "en" } });
  const cookie = await loginCookie(app.server.url, t.admin.email, t.admin.password);
  const res = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "BI", scopes: ["analytics:read"] }) });
  apiKey = (await res.json()).key;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const range = () => ({ from: new Date(today.getTime() - 6 * DAY).toISOString(), to: new Date(today.getTime() + DAY).toISOString() });

describe("analytics summary API", () => {
  it("matches the hand-computed figures for the last 7 days", async () => {
    const { from, to } = range();
    const res = await fetch(`${app.server.url}/api/v1/analytics/summary?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(res.status).toBe(200);
    const s = await res.json();
    expect(s.conversations.total).toBe(EXPECTED.total);
    expect(s.conversations.perDay).toHaveLength(7);
    expect(Object.fromEntries(s.conversations.perDay.filter((d: { count: number }) => d.count > 0).map((d: { date: string; count: number }) => [d.date, d.count]))).toEqual(EXPECTED.perDay);
    expect(s.botResolved).toEqual({ ...EXPECTED.botResolved, share: 2 / 7 });
    expect(s.handoffs).toEqual(EXPECTED.handoffs);
    expect(s.waitSeconds).toEqual({ median: EXPECTED.wait, count: 3 });
    expect(s.firstResponseSeconds).toEqual({ median: EXPECTED.firstResponse, count: 2 });
    expect(s.csat).toEqual({ count: 3, mean: 4, distribution: EXPECTED.csat.distribution.map((count, i) => ({ score: i + 1, count })) });
    expect(s.feedback).toEqual(EXPECTED.feedback);
  });

  it("groups the unanswered questions by similarity", async () => {
    const { from, to } = range();
    const s = await (await fetch(`${app.server.url}/api/v1/analytics/summary?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
    const counts = s.unanswered.map((c: { count: number }) => c.count);
    expect(counts).toEqual([3, 1, 1]);
    expect(s.unanswered[0].examples).toHaveLength(3);
    expect(s.unanswered[0].representative.toLowerCase()).toContain("canarias");
    const singles = s.unanswered.slice(1).map((c: { representative: string }) => c.representative).sort();
    expect(singles).toEqual(["Do you deliver to Mars?", "I want to talk to a human about my refund"]);
  });
});

async function login(page: Page, next: string) {
  await page.goto(`${app.server.url}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(t.admin.email);
  await page.getByLabel("Password").fill(t.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next.split("?")[0]);
  await page.locator('[data-testid="analytics"][data-ready="true"]').waitFor();
}

describe("analytics page", () => {
  it("draws the charts and shows the same figures", async () => {
    const page = await browser.newPage();
    await login(page, "/admin/analytics?days=7");
    for (const chart of ["chart-conversations", "chart-handoffs", "chart-csat"]) {
      await page.locator(`[data-testid="${chart}"] svg.recharts-surface`).waitFor();
    }
    // One bar per day with conversations: 4 days.
    expect(await page.locator('[data-testid="chart-conversations"] .recharts-bar-rectangle path').count()).toBe(4);
    const text = (id: string) => page.getByTestId(id).textContent();
    expect(await text("metric-conversations")).toBe("7");
    expect(await text("metric-bot-resolved")).toBe("28.6%");
    expect(await text("metric-handoffs")).toBe("3");
    expect(await text("metric-wait")).toBe("2 min 0 s");
    expect(await text("metric-first-response")).toBe("1 min 0 s");
    expect(await text("metric-csat")).toBe("4.00");
    expect(await text("metric-thumbs-up")).toBe("2");
    expect(await text("metric-thumbs-down")).toBe("1");
    expect(await page.locator('[data-testid="handoff-reasons"] [data-reason="model_handoff"]').getAttribute("data-count")).toBe("2");
    expect(await page.getByTestId("unanswered-count").first().textContent()).toBe("3×");
    await page.close();
  });

  it("adds an unanswered question to the FAQ as a new version", async () => {
    const page = await browser.newPage();
    await login(page, "/admin/analytics?days=7");
    const first = page.getByTestId("unanswered-item").first();
    const question = (await first.getByTestId("unanswered-question").textContent())!;
    await first.getByRole("button", { name: "Add to FAQ" }).click();
    const form = first.getByTestId("add-to-faq-form");
    expect(await form.locator('input[name="question"]').inputValue()).toBe(question);
    await form.locator('textarea[name="answer"]').fill("Shipping to the Canary Islands costs €9.95.");
    await form.locator('select[name="language"]').selectOption("es");
    await form.getByRole("button", { name: "Add to FAQ" }).click();
    await expect(first.getByTestId("add-to-faq-done").textContent()).resolves.toContain("version 2");
    await page.close();

    const latest = await app.db.faqVersion.findFirst({ where: { tenantId: t.tenantId }, orderBy: { number: "desc" }, include: { entries: true } });
    expect(latest?.number).toBe(2);
    const added = latest!.entries.find((e) => e.question === question);
    expect(added).toMatchObject({ answer: "Shipping to the Canary Islands costs €9.95.", language: "es" });
    // The other spellings of the group came along as alternatives (the same text in other case/accents is not repeated).
    expect(added!.alternatives).toContain("cuánto cuesta enviar a canarias");
    expect(latest!.entries.map((e) => e.key)).toContain("shipping-cost");
  });

  it("refuses adding a question the FAQ already has", async () => {
    const cookie = await loginCookie(app.server.url, t.admin.email, t.admin.password);
    const res = await fetch(`${app.server.url}/api/admin/analytics/faq`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ question: "how much is SHIPPING", answer: "x", language: "en" }),
    });
    expect(res.status).toBe(409);
  });
});

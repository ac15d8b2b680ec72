// Workspace settings over HTTP on a workspace made by sign-up: the logo (an image recognised by its
// content, shown by the chat, gone when removed or when the workspace is disabled), the time zone
// the business hours follow, and the allowed websites a new workspace starts without.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2EApp, type E2EApp } from "@/tests/support/e2e-app";
import { signUpTenant, type SignedUpTenant } from "@/tests/support/signup";
import { connectWidget } from "../handoff/helpers";

// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let app: E2EApp;
let t: SignedUpTenant;

beforeAll(async () => {
  app = await startE2EApp();
  t = await signUpTenant(app, { name: "Settings Shop" });
});

afterAll(async () => {
  await app?.close();
});

const upload = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${app.server.url}/api/admin/settings/logo`, { method: "POST", headers: { cookie: t.owner.cookie }, body: form });
};
const logo = (key = t.widgetKey) => fetch(`${app.server.url}/api/widget/logo?key=${key}`);

describe("workspace settings", () => {
  it("stores a logo the chat shows, refuses what is not an image, and removes it", async () => {
    expect((await logo()).status).toBe(404);
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "logo.png");
    expect(svg.status).toBe(415);
    expect((await svg.json()).error.message).toMatch(/PNG, JPEG, GIF or WebP/);

    const res = await upload(PNG, "logo.png");
    expect(res.status).toBe(200);
    const { logoUrl } = await res.json();
    expect(logoUrl).toMatch(new RegExp(`^/api/widget/logo\\?key=${t.widgetKey}&v=\\d+$`));
    const served = await fetch(`${app.server.url}${logoUrl}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const widget = await connectWidget(app.server.url, t.widgetKey);
    try {
      const synced = await widget.call("sync", { afterSeq: 0 });
      expect(synced.config).toMatchObject({ tenantName: "Settings Shop", logoUrl });
    } finally {
      widget.close();
    }
    expect(await app.db.auditLog.count({ where: { tenantId: t.tenantId, action: "settings.logo" } })).toBe(1);

    const removed = await fetch(`${app.server.url}/api/admin/settings/logo`, { method: "DELETE", headers: { cookie: t.owner.cookie } });
    expect(removed.status).toBe(200);
    expect((await logo()).status).toBe(404);
  });

  it("keeps one time zone that the business hours follow", async () => {
    const hours = { timezone: "UTC", days: [null, { open: "09:00", close: "17:00" }, null, null, null, null, null] };
    const res = await fetch(`${app.server.url}/api/admin/settings`, {
      method: "PATCH",
      headers: { cookie: t.owner.cookie, "content-type": "application/json" },
      body: JSON.stringify({ timezone: "America/Mexico_City", businessHours: hours, defaultLanguage: "es", color: "#aa3300" }),
    });
    expect(res.status).toBe(200);
    const { settings } = await res.json();
    expect(settings).toMatchObject({ timezone: "America/Mexico_City", businessHours: { timezone: "America/Mexico_City" }, defaultLanguage: "es", color: "#aa3300" });
    const stored = await app.db.tenant.findUniqueOrThrow({ where: { id: t.tenantId } });
    expect(stored.settings).toMatchObject({ timezone: "America/Mexico_City", businessHours: { timezone: "America/Mexico_City" } });
  });

  it("starts a new workspace with no allowed website, so its widget shows nowhere until the admin adds one", async () => {
    const fresh = await fetch(`${app.server.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ businessName: "Fresh Shop", name: "F", email: "f@fresh.test", password: "fresh-password" }),
    });
    const { tenant } = await fresh.json();
    const { widgetKey } = await app.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    const check = await fetch(`${app.server.url}/api/widget/check?key=${widgetKey}`, { headers: { origin: "https://fresh.example" } });
    expect(check.status).toBe(403);
    expect((await check.json()).error.message).toMatch(/not in the allowed origins/);
  });
});

// A customer's website on another origin than the app (localhost vs the app's 127.0.0.1): just
// the widget snippet, for the e2e tests that drive the widget as a visitor, and the console sign-in
// those tests use for the agent's or admin's side.
import http from "node:http";
import type { Page } from "playwright-core";
import { freePort } from "./app-server";

export interface HostSite {
  url: string;
  close: () => Promise<void>;
}

/** Serves `/?key=<widget key>` as a page with the snippet (`<html lang="en">`, an `<h1>` heading). */
export async function startHostSite(appUrl: string, heading = "Shop"): Promise<HostSite> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const key = (new URL(req.url ?? "/", "http://x").searchParams.get("key") ?? "").replace(/[^\w-]/g, "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>${heading}</h1><script src="${appUrl}/widget.js" data-tenant="${key}" async></script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Signs in on the app's login page and waits for `next`. */
export async function signInAt(appUrl: string, page: Page, user: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`${appUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${appUrl}${next}`);
}

// Workspaces made the way real businesses get them: the owner signs up over HTTP (/api/auth/signup),
// sets the allowed origins in Settings, and invites an admin and an agent, who join through their
// invitation links. Returns the same shape as seedTenant, plus the owner, so the security suites
// run against workspaces created by the product itself.
import crypto from "node:crypto";
import type { E2EApp } from "./e2e-app";
import type { SeededTenant } from "./seed";

export interface SignedUpTenant extends SeededTenant {
  owner: { id: string; email: string; password: string; cookie: string };
}

const PASSWORD = "correct-horse-battery";

function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("faqbot_session="));
  if (!set) throw new Error(`no session cookie (${res.status})`);
  return set.split(";")[0]!;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return res;
}

export async function signUpTenant(app: E2EApp, opts: { name?: string; origins?: string[]; headers?: Record<string, string> } = {}): Promise<SignedUpTenant> {
  const id = crypto.randomBytes(4).toString("hex");
  const base = app.server.url;
  const email = (who: string) => `${who}-${id}@test.local`;
  const signup = await post(`${base}/api/auth/signup`, { businessName: opts.name ?? `Business ${id}`, name: `Owner ${id}`, email: email("owner"), password: PASSWORD }, opts.headers);
  const { user: owner, tenant } = (await signup.json()) as { user: { id: string; email: string }; tenant: { id: string } };
  const cookie = sessionCookie(signup);

  const settings = await fetch(`${base}/api/admin/settings`, {
    method: "PATCH",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ allowedOrigins: opts.origins ?? ["http://127.0.0.1:*", "http://localhost:*"] }),
  });
  if (!settings.ok) throw new Error(`settings → ${settings.status} ${await settings.text()}`);

  const join = async (role: "admin" | "agent") => {
    const invited = await post(`${base}/api/admin/team`, { email: email(role), name: `${role === "admin" ? "Admin" : "Agent"} ${id}`, role }, { cookie });
    const { link } = (await invited.json()) as { link: string };
    const accepted = await post(`${base}/api/invitations/accept`, { token: link.slice(link.lastIndexOf("/") + 1), password: PASSWORD });
    const { user } = (await accepted.json()) as { user: { id: string; email: string } };
    return { id: user.id, email: user.email, password: PASSWORD };
  };
  const admin = await join("admin");
  const agent = await join("agent");
  const row = await app.db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { widgetKey: true, slug: true } });
  return { tenantId: tenant.id, widgetKey: row.widgetKey, slug: row.slug, admin, agent, owner: { id: owner.id, email: owner.email, password: PASSWORD, cookie } };
}

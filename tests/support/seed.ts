// Test seed helpers: each test creates its own tenant with unique names (no shared fixtures).
import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

export interface SeededTenant {
  tenantId: string;
  widgetKey: string;
  slug: string;
  admin: { id: string; email: string; password: string };
  agent: { id: string; email: string; password: string };
}

let cachedHash: Promise<string> | undefined;
const PASSWORD = "correct-horse-battery";

export async function seedTenant(db: Db, opts: { name?: string; origins?: string[]; settings?: Record<string, unknown> } = {}): Promise<SeededTenant> {
  const id = crypto.randomBytes(4).toString("hex");
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  const tenant = await db.tenant.create({
    data: {
      name: opts.name ?? `Tenant ${id}`,
      slug: `t-${id}`,
      widgetKey: `pk_test_${id}`,
      allowedOrigins: opts.origins ?? ["http://127.0.0.1:*", "http://localhost:*"],
      languages: ["en", "es"],
      settings: (opts.settings ?? {}) as object,
    },
  });
  const admin = await createMember(db, { tenantId: tenant.id, email: `admin-${id}@test.local`, name: `Admin ${id}`, role: "admin", passwordHash: hash });
  const agent = await createMember(db, { tenantId: tenant.id, email: `agent-${id}@test.local`, name: `Agent ${id}`, role: "agent", passwordHash: hash });
  return {
    tenantId: tenant.id,
    widgetKey: tenant.widgetKey,
    slug: tenant.slug,
    admin: { id: admin.id, email: admin.email, password: PASSWORD },
    agent: { id: agent.id, email: agent.email, password: PASSWORD },
  };
}

/** A person (account) who is a member of a workspace with `role`: the rows sign-in needs. */
export async function createMember(db: Db, m: { tenantId: string; email: string; name: string; role: string; passwordHash: string }) {
  const account = await db.account.create({ data: { email: m.email, name: m.name, passwordHash: m.passwordHash } });
  return db.user.create({ data: { tenantId: m.tenantId, accountId: account.id, email: m.email, name: m.name, role: m.role } });
}

/** Signs in over HTTP and returns the Cookie header value for later requests and sockets. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith("faqbot_session="));
  if (!set) throw new Error("no session cookie");
  return set.split(";")[0]!;
}

// Login sessions: a row in the database plus an httpOnly cookie sealed with iron-session that
// carries only the row id. Logout, expiry and deactivation therefore take effect immediately.
// A session acts for one workspace: it names one membership (a User row), whose tenant and role
// every check uses; switching workspace ends it and starts another (lib/auth/switch-workspace.ts).
// A disabled workspace's sessions stop working at once.
import { sealData, unsealData } from "iron-session";
import { getDb } from "@/lib/db";
import { serverSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "faqbot_session";

export interface SessionUser {
  /** The membership (User row) in the session's workspace. */
  id: string;
  tenantId: string;
  /** The person behind the membership (the same in every workspace they belong to). */
  accountId: string;
  email: string;
  name: string;
  role: string;
  sessionId: string;
}

interface SealedSession {
  sid: string;
}

function ttlSeconds(): number {
  return Math.round(env().SESSION_TTL_HOURS * 3600);
}

export async function createSession(user: { id: string; tenantId: string }, userAgent: string | null): Promise<{ cookie: string; maxAge: number }> {
  const db = await getDb();
  const session = await db.session.create({
    data: { userId: user.id, tenantId: user.tenantId, expiresAt: new Date(Date.now() + ttlSeconds() * 1000), userAgent: userAgent?.slice(0, 300) ?? null },
  });
  const cookie = await sealData({ sid: session.id } satisfies SealedSession, { password: serverSecret(), ttl: ttlSeconds() });
  return { cookie, maxAge: ttlSeconds() };
}

/** The signed-in user for a cookie value, or null when the cookie is missing, forged or expired. */
export async function readSession(cookie: string | undefined | null): Promise<SessionUser | null> {
  if (!cookie) return null;
  let sealed: Partial<SealedSession>;
  try {
    sealed = await unsealData<SealedSession>(cookie, { password: serverSecret(), ttl: ttlSeconds() });
  } catch {
    return null;
  }
  if (!sealed.sid) return null;
  const db = await getDb();
  const session = await db.session.findUnique({ where: { id: sealed.sid } });
  if (!session || session.revokedAt || session.expiresAt.getTime() < Date.now()) return null;
  const user = await db.user.findUnique({ where: { id: session.userId }, include: { tenant: { select: { disabledAt: true } } } });
  if (!user || !user.active || user.tenantId !== session.tenantId || user.tenant.disabledAt) return null;
  return { id: user.id, tenantId: user.tenantId, accountId: user.accountId, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Reads one cookie from a raw Cookie header (Socket.IO handshakes have no parsed cookies). */
export function cookieFromHeader(header: string | undefined, name = SESSION_COOKIE): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

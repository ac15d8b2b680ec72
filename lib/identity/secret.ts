// Owns the workspace's identity secret: the key the host site's backend signs its customers' ids
// with (lib/identity/signature.ts). Generated on first use (the Settings page asks for it), shown
// to admins only, rotated on request — a rotation makes every signature made with the old secret
// invalid at once. The column is hidden from ordinary queries (lib/db/secrets.ts).
import { recordAudit } from "@/lib/audit/record";
import type { TenantDb } from "@/lib/tenancy/guard";
import { newIdentitySecret } from "@/lib/identity/signature";

/** The secret, or null while the workspace has none (verified identities then are refused). */
export async function identitySecret(db: TenantDb): Promise<string | null> {
  const t = await db.tenant.findFirst({ select: { identitySecret: true } });
  return t?.identitySecret ?? null;
}

/** The secret for the Settings page, created the first time an admin looks at it. */
export async function ensureIdentitySecret(db: TenantDb): Promise<{ secret: string }> {
  const existing = await identitySecret(db);
  if (existing) return { secret: existing };
  // Conditional: two admins opening the page together end with one secret.
  await db.tenant.updateMany({ where: { identitySecret: null }, data: { identitySecret: newIdentitySecret() } });
  return { secret: (await identitySecret(db))! };
}

export async function rotateIdentitySecret(db: TenantDb, actor: { id: string }): Promise<{ secret: string }> {
  const secret = newIdentitySecret();
  await db.tenant.updateMany({ data: { identitySecret: secret } });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "settings.identity_secret_rotate" });
  return { secret };
}

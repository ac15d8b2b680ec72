// Owns turning an `Authorization: Bearer fbk_…` header into the key's tenant and scopes. The
// lookup by prefix runs before any tenant is known, so it uses the process client; everything the
// request does afterwards goes through the tenant guard. Unknown, malformed and revoked keys all
// get the same 401 so a caller learns nothing about which keys exist.
import { getDb, withKeyHash } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseApiKey, secretMatches } from "./secret";
import { readScopes, type ApiScope } from "./scopes";

export interface ApiPrincipal {
  keyId: string;
  keyName: string;
  tenantId: string;
  scopes: ApiScope[];
}

/** lastUsedAt is a hint for the admin, not an access log: write it at most once a minute. */
const LAST_USED_EVERY_MS = 60_000;

export async function authenticateApiKey(authorization: string | null): Promise<ApiPrincipal> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) throw new AppError("unauthenticated", "Send your API key in the Authorization header: \"Authorization: Bearer fbk_…\".");
  const parsed = parseApiKey(m[1]!);
  const invalid = new AppError("unauthenticated", "This API key is not valid or has been revoked. Create a new key in the admin console.");
  if (!parsed) throw invalid;
  const db = await getDb();
  const key = await db.apiKey.findUnique({ where: { prefix: parsed.prefix }, omit: withKeyHash, include: { tenant: { select: { disabledAt: true } } } });
  // A disabled workspace's keys stop working with it (and start again if it is enabled).
  if (!key || !secretMatches(parsed.secret, key.keyHash) || key.revokedAt || key.tenant.disabledAt) throw invalid;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    // Conditional so that concurrent requests do not all write; failure must not fail the call.
    await db.apiKey
      .updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_EVERY_MS) } }] }, data: { lastUsedAt: new Date(now) } })
      .catch(() => undefined);
  }
  return { keyId: key.id, keyName: key.name, tenantId: key.tenantId, scopes: readScopes(key.scopes) };
}

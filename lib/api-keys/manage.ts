// Owns the lifecycle of a tenant's API keys: create (the secret is returned once and only its
// hash is stored), list (never the hash) and revoke. Every change is audit-logged.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { TenantDb } from "@/lib/tenancy/guard";
import { generateApiKey } from "./secret";
import { readScopes, ZApiScope, type ApiScope } from "./scopes";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80),
  scopes: z.array(ZApiScope).min(1, "Choose at least one scope").transform((s) => [...new Set(s)]),
});

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = { id: string; name: string; prefix: string; scopes: unknown; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function view(r: Row): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: readScopes(r.scopes),
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(db: TenantDb, input: z.infer<typeof ZCreateApiKey>, actorId: string): Promise<{ key: string; apiKey: ApiKeyView }> {
  const g = generateApiKey();
  const row = await db.apiKey.create({
    data: { tenantId: db.tenantId, name: input.name, prefix: g.prefix, keyHash: g.hash, scopes: input.scopes, createdById: actorId },
  });
  await recordAudit({ tenantId: db.tenantId, actorId, action: "api_key.create", target: row.id, details: { name: row.name, prefix: row.prefix, scopes: input.scopes } }, db);
  return { key: g.key, apiKey: view(row) };
}

export async function listApiKeys(db: TenantDb): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map(view);
}

/** Revokes at once: the next request with the key is refused. Revoking twice is harmless. */
export async function revokeApiKey(db: TenantDb, id: string, actorId: string): Promise<ApiKeyView> {
  const row = await db.apiKey.findFirst({ where: { id } });
  if (!row) throw new AppError("not_found", "API key not found.");
  if (row.revokedAt) return view(row);
  const updated = await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  await recordAudit({ tenantId: db.tenantId, actorId, action: "api_key.revoke", target: row.id, details: { name: row.name, prefix: row.prefix } }, db);
  return view(updated);
}

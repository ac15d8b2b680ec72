// The one wrapper for /api/v1 route handlers: API key authentication (Bearer), per-key rate limit,
// scope check, zod parsing of body and query, a tenant-scoped database, and the same error body as
// lib/http/handler.ts (both built on lib/http/route.ts). Routes stay thin: parse → one lib call → JSON.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { route, type Infer, type Log, type Parsed, type RouteOptions } from "@/lib/http/route";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { authenticateApiKey, type ApiPrincipal } from "@/lib/api-keys/authenticate";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { consume } from "@/lib/security/rate-limit";

export interface ApiContext<B, Q> extends Parsed<B, Q> {
  req: NextRequest;
  key: ApiPrincipal;
  /** The key's tenant: every query goes through the tenant guard. */
  db: TenantDb;
  /** For lib calls that audit: the key is the actor. */
  actor: { id: string; kind: "api_key" };
  log: Log;
}

/** `body`: the JSON body schema; routes that accept uploads read `req` themselves (body omitted). */
export interface ApiOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> extends RouteOptions<B, Q> {
  scope: ApiScope;
}

export function apiHandler<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: ApiOptions<B, Q>,
  fn: (ctx: ApiContext<Infer<B>, Infer<Q>>) => Promise<unknown>,
) {
  return route(
    { ...opts, logFields: { api: true } },
    async (req, log) => {
      const key = await authenticateApiKey(req.headers.get("authorization"));
      await consume("apiPerKey", key.keyId, "Too many requests with this API key. Wait a moment and retry.");
      requireScope(key, opts.scope, "Create a key that has it.");
      return { auth: key, log: log.child({ tenantId: key.tenantId, apiKeyId: key.keyId }) };
    },
    async (key, { body, query, params }, req, log) => fn({ req, key, db: await tenantDb(key.tenantId), body, query, params, actor: { id: key.keyId, kind: "api_key" }, log }),
  );
}

/** Fails with 403 unless the key has the scope (for options inside one route, e.g. notes). */
export function requireScope(key: ApiPrincipal, scope: ApiScope, hint?: string): void {
  if (!key.scopes.includes(scope)) throw new AppError("forbidden", `This API key lacks the "${scope}" scope (${API_SCOPES[scope].toLowerCase()}).${hint ? ` ${hint}` : ""}`);
}

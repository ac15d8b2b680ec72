// The one wrapper for /api/v1 route handlers: API key authentication (Bearer), per-key rate limit,
// scope check, zod parsing of body and query, a tenant-scoped database, and the same error body as
// lib/http/handler.ts. Routes stay thin: parse → one lib call → JSON.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { errorResponse } from "@/lib/http/handler";
import { parse } from "@/lib/http/parse";
import { readJsonBody } from "@/lib/http/body";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { authenticateApiKey, type ApiPrincipal } from "@/lib/api-keys/authenticate";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { consume } from "@/lib/security/rate-limit";

export interface ApiContext<B, Q> {
  req: NextRequest;
  key: ApiPrincipal;
  /** The key's tenant: every query goes through the tenant guard. */
  db: TenantDb;
  body: B;
  query: Q;
  params: Record<string, string>;
  /** For lib calls that audit: the key is the actor. */
  actor: { id: string; kind: "api_key" };
  log: typeof logger;
}

export interface ApiOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  scope: ApiScope;
  /** JSON body schema. Routes that accept uploads read `req` themselves (body omitted). */
  body?: B;
  query?: Q;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export function apiHandler<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: ApiOptions<B, Q>,
  fn: (ctx: ApiContext<Infer<B>, Infer<Q>>) => Promise<unknown>,
) {
  return async (req: NextRequest, routeCtx?: { params?: Promise<Record<string, string>> }) => {
    let log = logger.child({ reqId: crypto.randomUUID().slice(0, 8), method: req.method, path: req.nextUrl.pathname, api: true });
    try {
      const key = await authenticateApiKey(req.headers.get("authorization"));
      log = log.child({ tenantId: key.tenantId, apiKeyId: key.keyId });
      await consume("apiPerKey", key.keyId, "Too many requests with this API key. Wait a moment and retry.");
      if (!key.scopes.includes(opts.scope)) {
        throw new AppError("forbidden", `This API key lacks the "${opts.scope}" scope (${API_SCOPES[opts.scope].toLowerCase()}). Create a key that has it.`);
      }
      const body = opts.body ? await readJsonBody(req, opts.body) : undefined;
      const query = opts.query ? parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined;
      const params = (await routeCtx?.params) ?? {};
      const db = await tenantDb(key.tenantId);
      const result = await fn({ req, key, db, body: body as Infer<B>, query: query as Infer<Q>, params, actor: { id: key.keyId, kind: "api_key" }, log });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, log);
    }
  };
}

/** Fails with 403 unless the key has the scope (for options inside one route, e.g. notes). */
export function requireScope(key: ApiPrincipal, scope: ApiScope): void {
  if (!key.scopes.includes(scope)) throw new AppError("forbidden", `This API key lacks the "${scope}" scope (${API_SCOPES[scope].toLowerCase()}).`);
}

// The one wrapper for route handlers: same-origin checks on state-changing requests (CSRF),
// authentication, tenant scoping, zod parsing of a size-capped body and the query, and mapping of
// errors to responses. Routes in app/ stay thin: parse → one lib call → JSON.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { cookies } from "next/headers";
import { AppError, isAppError, toErrorBody } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { hasRole, type Role } from "@/lib/auth/roles";
import { readSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth/session";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { clientIp } from "@/lib/http/client-ip";
import { readJsonBody } from "@/lib/http/body";
import { parse } from "@/lib/http/parse";
import { assertContentType, assertSameOrigin, isStateChanging, type BodyKind } from "@/lib/http/same-origin";

export { parse };

export interface HandlerContext<B, Q> {
  req: NextRequest;
  user: SessionUser | null;
  /** Tenant-scoped database of the signed-in user (null for public routes). */
  db: TenantDb | null;
  body: B;
  query: Q;
  params: Record<string, string>;
  ip: string;
  log: typeof logger;
}

export interface HandlerOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  /** Minimum role; omit for public routes. */
  role?: Role;
  body?: B;
  query?: Q;
  /**
   * What a state-changing request may carry: JSON (default), or a multipart form for routes that
   * read an upload from `req` themselves.
   */
  accepts?: BodyKind;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export function handler<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: HandlerOptions<B, Q>,
  fn: (ctx: HandlerContext<Infer<B>, Infer<Q>>) => Promise<unknown>,
) {
  return async (req: NextRequest, routeCtx?: { params?: Promise<Record<string, string>> }) => {
    const log = logger.child({ reqId: crypto.randomUUID().slice(0, 8), method: req.method, path: req.nextUrl.pathname });
    try {
      const changes = isStateChanging(req.method);
      if (changes) assertSameOrigin(req.headers);
      let user: SessionUser | null = null;
      if (opts.role) {
        user = await readSession((await cookies()).get(SESSION_COOKIE)?.value);
        if (!user) throw new AppError("unauthenticated", "Please sign in.");
        if (!hasRole(user.role, opts.role)) throw new AppError("forbidden", "Your role does not allow this action.");
      }
      if (changes) assertContentType(req.headers, opts.accepts ?? "json");
      const body = opts.body ? await readJsonBody(req, opts.body) : undefined;
      const query = opts.query ? parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined;
      const params = (await routeCtx?.params) ?? {};
      const db = user ? await tenantDb(user.tenantId) : null;
      const result = await fn({ req, user, db, body: body as Infer<B>, query: query as Infer<Q>, params, ip: clientIp(req.headers), log: user ? log.child({ tenantId: user.tenantId, userId: user.id }) : log });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, log);
    }
  };
}

export function errorResponse(e: unknown, log: typeof logger): NextResponse {
  if (isAppError(e)) {
    if (e.status >= 500) log.error({ err: e }, e.message);
    else if (e.code === "client_closed") log.info(e.message);
    const headers: Record<string, string> = e.retryAfterSeconds ? { "retry-after": String(e.retryAfterSeconds) } : {};
    return NextResponse.json(toErrorBody(e), { status: e.status, headers });
  }
  log.error({ err: e }, "unhandled error in route");
  return NextResponse.json(toErrorBody(e), { status: 500 });
}

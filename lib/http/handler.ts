// The one wrapper for route handlers: same-origin checks on state-changing requests (CSRF),
// authentication (for the workspace the calling page shows: lib/auth/page-workspace.ts), tenant scoping, zod parsing of a size-capped body and the query, and mapping of
// errors to responses. Routes in app/ stay thin: parse → one lib call → JSON.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { cookies } from "next/headers";
import { AppError } from "@/lib/errors/app-error";
import { hasRole, type Role } from "@/lib/auth/roles";
import { readSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth/session";
import { assertPageWorkspace, PAGE_WORKSPACE_HEADER } from "@/lib/auth/page-workspace";
import { tenantDb, type TenantDb } from "@/lib/tenancy/guard";
import { clientIp } from "@/lib/http/client-ip";
import { parse } from "@/lib/http/parse";
import { errorResponse, route, type Infer, type Log, type Parsed, type RouteOptions } from "@/lib/http/route";
import { assertContentType, assertSameOrigin, isStateChanging, type BodyKind } from "@/lib/http/same-origin";

export { parse, errorResponse };

export interface HandlerContext<B, Q> extends Parsed<B, Q> {
  req: NextRequest;
  user: SessionUser | null;
  /** Tenant-scoped database of the signed-in user (null for public routes). */
  db: TenantDb | null;
  ip: string;
  log: Log;
}

export interface HandlerOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> extends RouteOptions<B, Q> {
  /** Minimum role; omit for public routes. */
  role?: Role;
  /**
   * What a state-changing request may carry: JSON (default), or a multipart form for routes that
   * read an upload from `req` themselves.
   */
  accepts?: BodyKind;
}

export function handler<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: HandlerOptions<B, Q>,
  fn: (ctx: HandlerContext<Infer<B>, Infer<Q>>) => Promise<unknown>,
) {
  return route(
    opts,
    async (req, log) => {
      const changes = isStateChanging(req.method);
      if (changes) assertSameOrigin(req.headers);
      let user: SessionUser | null = null;
      if (opts.role) {
        user = await readSession((await cookies()).get(SESSION_COOKIE)?.value);
        if (!user) throw new AppError("unauthenticated", "Please sign in.");
        assertPageWorkspace(req.headers.get(PAGE_WORKSPACE_HEADER), user.tenantId);
        if (!hasRole(user.role, opts.role)) throw new AppError("forbidden", "Your role does not allow this action.");
      }
      if (changes) assertContentType(req.headers, opts.accepts ?? "json");
      return { auth: user, log: user ? log.child({ tenantId: user.tenantId, userId: user.id }) : log };
    },
    async (user, { body, query, params }, req, log) => fn({ req, user, db: user ? await tenantDb(user.tenantId) : null, body, query, params, ip: clientIp(req.headers), log }),
  );
}

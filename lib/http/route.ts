// The core both route wrappers share (lib/http/handler.ts for console sessions, api-handler.ts for
// API keys): a request logger, the caller's own authentication step, zod parsing of the size-capped
// JSON body and of the query, route params, and one mapping of errors to responses.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { isAppError, toErrorBody } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { readJsonBody } from "@/lib/http/body";
import { parse } from "@/lib/http/parse";

export type Log = typeof logger;
export type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface Parsed<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
}

export interface RouteOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  body?: B;
  query?: Q;
}

/**
 * A Next route handler: `authenticate` runs first (it may refine the logger), then body and query
 * are parsed and `fn` runs; a returned Response is sent as is, anything else as JSON.
 */
export function route<A, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  opts: RouteOptions<B, Q> & { logFields?: Record<string, unknown> },
  authenticate: (req: NextRequest, log: Log) => Promise<{ auth: A; log: Log }>,
  fn: (auth: A, parsed: Parsed<Infer<B>, Infer<Q>>, req: NextRequest, log: Log) => Promise<unknown>,
) {
  return async (req: NextRequest, routeCtx?: { params?: Promise<Record<string, string>> }) => {
    let log = logger.child({ reqId: crypto.randomUUID().slice(0, 8), method: req.method, path: req.nextUrl.pathname, ...opts.logFields });
    try {
      const authed = await authenticate(req, log);
      log = authed.log;
      const body = opts.body ? await readJsonBody(req, opts.body) : undefined;
      const query = opts.query ? parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined;
      const params = (await routeCtx?.params) ?? {};
      const result = await fn(authed.auth, { body: body as Infer<B>, query: query as Infer<Q>, params }, req, log);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, log);
    }
  };
}

export function errorResponse(e: unknown, log: Log): NextResponse {
  if (isAppError(e)) {
    if (e.status >= 500) log.error({ err: e }, e.message);
    else if (e.code === "client_closed") log.info(e.message);
    const headers: Record<string, string> = e.retryAfterSeconds ? { "retry-after": String(e.retryAfterSeconds) } : {};
    return NextResponse.json(toErrorBody(e), { status: e.status, headers });
  }
  log.error({ err: e }, "unhandled error in route");
  return NextResponse.json(toErrorBody(e), { status: 500 });
}

// Socket.IO middleware: nobody joins a room before being authenticated. Agents and admins use
// their session cookie; widget visitors need a valid tenant key, an allowed page origin and
// (when returning) their signed visitor token.
import type { Socket } from "socket.io";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError, toErrorBody } from "@/lib/errors/app-error";
import { cookieFromHeader, readSession } from "@/lib/auth/session";
import { assertPageWorkspace } from "@/lib/auth/page-workspace";
import { originAllowed } from "@/lib/tenancy/origins";
import { readVisitorToken, signVisitorToken } from "@/lib/widget/visitor-token";
import { consume } from "@/lib/security/rate-limit";
import { clientIp } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { env } from "@/lib/env";
import type { AgentSocketData, WidgetSocketData } from "@/lib/realtime/types";

type Next = (err?: Error) => void;

function refuse(next: Next, e: AppError) {
  const err = new Error(e.message) as Error & { data?: unknown };
  err.data = toErrorBody(e).error;
  next(err);
}

export function socketIp(socket: Socket): string {
  return clientIp(socket.handshake.headers, socket.handshake.address);
}

export async function authenticateAgent(socket: Socket, next: Next) {
  try {
    // Browsers always send Origin on WebSockets: the console must be this server's own page, not a
    // script on a sibling site riding on the session cookie.
    const origin = socket.handshake.headers.origin;
    const host = socket.handshake.headers.host;
    if (origin && origin !== `http://${host}` && origin !== `https://${host}` && origin !== env().PUBLIC_URL?.replace(/\/$/, "")) {
      return refuse(next, new AppError("forbidden", "The agent console must be opened from this server."));
    }
    const user = await readSession(cookieFromHeader(socket.handshake.headers.cookie));
    if (!user) return refuse(next, new AppError("unauthenticated", "Please sign in."));
    try {
      assertPageWorkspace((socket.handshake.auth as { workspace?: unknown } | undefined)?.workspace, user.tenantId);
    } catch (e) {
      return refuse(next, e as AppError);
    }
    const data: AgentSocketData = { kind: "agent", user, log: logger.child({ socket: socket.id, tenantId: user.tenantId, userId: user.id }) };
    Object.assign(socket.data, data);
    next();
  } catch (err) {
    logger.error({ err }, "agent socket auth failed");
    refuse(next, new AppError("internal", "Could not verify your session."));
  }
}

const ZWidgetAuth = z.object({
  key: z.string().min(1).max(100),
  visitorToken: z.string().max(2000).optional().nullable(),
  language: z.string().max(20).optional().nullable(),
  /** Set by the widget's iframe: the page that embeds it (the browser enforces frame-ancestors). */
  parentOrigin: z.string().max(300).optional().nullable(),
});

/**
 * The origin of the page that hosts the widget. A socket opened from the widget's own frame has
 * this server's origin; the frame is only rendered inside allowed pages (CSP frame-ancestors), so
 * there the declared parent origin is the one to check.
 */
function embeddingOrigin(socket: Socket, parentOrigin: string | null | undefined): string | undefined {
  const origin = socket.handshake.headers.origin;
  const host = socket.handshake.headers.host;
  const sameOrigin = origin && host && (origin === `http://${host}` || origin === `https://${host}`);
  if (!sameOrigin) return origin;
  // Opened on this server itself (the admin's live preview, or the frame URL directly): allowed.
  return parentOrigin ?? SAME_ORIGIN;
}

const SAME_ORIGIN = "same-origin";

export async function authenticateWidget(socket: Socket, next: Next) {
  try {
    await consume("connectionsPerIp", socketIp(socket), "Too many connections from your network. Please wait a moment.");
    const auth = ZWidgetAuth.safeParse(socket.handshake.auth);
    if (!auth.success) {
      // Name what is wrong: a missing key is a broken embed snippet; a bad token is a stale or tampered visitor token.
      const field = String(auth.error.issues[0]?.path[0] ?? "key");
      const message =
        field === "key"
          ? "The chat widget is missing its tenant key."
          : field === "visitorToken"
            ? "The chat's visitor token is malformed. Reload the page to start a new chat."
            : `The chat widget sent an invalid ${field}.`;
      return refuse(next, new AppError("unauthenticated", message));
    }
    const db = await getDb();
    const tenant = await db.tenant.findUnique({ where: { widgetKey: auth.data.key } });
    // A disabled workspace's widget is refused like an unknown key: the page shows no chat.
    if (!tenant || tenant.disabledAt) return refuse(next, new AppError("unauthenticated", "Unknown chat widget key."));
    const origin = embeddingOrigin(socket, auth.data.parentOrigin);
    if (origin !== SAME_ORIGIN && !originAllowed(origin, tenant.allowedOrigins)) {
      return refuse(next, new AppError("forbidden", "This website is not allowed to use this chat widget."));
    }
    let visitorId = await readVisitorToken(auth.data.visitorToken, tenant.id);
    if (visitorId && !(await db.visitor.findFirst({ where: { id: visitorId, tenantId: tenant.id }, select: { id: true } }))) visitorId = null;
    let visitorToken = auth.data.visitorToken ?? null;
    if (!visitorId) {
      const v = await db.visitor.create({ data: { tenantId: tenant.id, language: auth.data.language?.slice(0, 10) ?? null } });
      visitorId = v.id;
      visitorToken = await signVisitorToken(v.id, tenant.id);
    } else {
      await db.visitor.update({ where: { id: visitorId }, data: { lastSeenAt: new Date() } });
    }
    const data: WidgetSocketData = {
      kind: "widget",
      tenantId: tenant.id,
      visitorId,
      visitorToken: visitorToken!,
      ip: socketIp(socket),
      language: auth.data.language?.slice(0, 10) ?? null,
      log: logger.child({ socket: socket.id, tenantId: tenant.id, visitorId }),
    };
    Object.assign(socket.data, data);
    next();
  } catch (err) {
    if (err instanceof AppError) return refuse(next, err);
    logger.error({ err }, "widget socket auth failed");
    refuse(next, new AppError("internal", "The chat is temporarily unavailable."));
  }
}

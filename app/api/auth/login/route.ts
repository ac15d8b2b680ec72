import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { login, ZLoginInput } from "@/lib/auth/login";
import { setSessionCookie } from "@/lib/http/session-cookie";
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from "@/lib/auth/device";
import { recordAudit } from "@/lib/audit/record";

export const POST = handler({ body: ZLoginInput }, async ({ body, ip, req }) => {
  const result = await login(body, { ip, userAgent: req.headers.get("user-agent"), deviceToken: req.cookies.get(DEVICE_COOKIE)?.value });
  await recordAudit({ tenantId: result.user.tenantId, actorId: result.user.id, action: "auth.login" });
  const res = NextResponse.json({ user: result.user });
  setSessionCookie(res, req, result);
  // Sent back only to the sign-in route: it marks this browser as one the account used before.
  res.cookies.set(DEVICE_COOKIE, result.deviceToken, { httpOnly: true, sameSite: "lax", secure: req.nextUrl.protocol === "https:", path: "/api/auth/login", maxAge: DEVICE_TTL_SECONDS });
  return res;
});

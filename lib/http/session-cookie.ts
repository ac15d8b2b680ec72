// Setting and clearing the session cookie on a response: every route that signs someone in
// (sign-in, sign-up, first-run setup, accepting an invitation, switching workspace) sets it alike.
import type { NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session";

export function setSessionCookie(res: NextResponse, req: NextRequest, session: { cookie: string; maxAge: number }): NextResponse {
  res.cookies.set(SESSION_COOKIE, session.cookie, { httpOnly: true, sameSite: "lax", secure: req.nextUrl.protocol === "https:", path: "/", maxAge: session.maxAge });
  return res;
}

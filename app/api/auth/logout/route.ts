import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { revokeSession, SESSION_COOKIE } from "@/lib/auth/session";

export const POST = handler({ role: "agent" }, async ({ user }) => {
  await revokeSession(user!.sessionId);
  const res = NextResponse.json({ ok: true });
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, path: "/", maxAge: 0 });
  return res;
});

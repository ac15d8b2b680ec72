import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/logout";

export const POST = handler({ role: "agent" }, async ({ user }) => {
  await signOut(user!);
  const res = NextResponse.json({ ok: true });
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, path: "/", maxAge: 0 });
  return res;
});

// Sign-up: creates a workspace and its owner, and signs them in (lib/auth/signup.ts).
import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { signUp, ZSignup } from "@/lib/auth/signup";
import { setSessionCookie } from "@/lib/http/session-cookie";

export const POST = handler({ body: ZSignup }, async ({ body, ip, req }) => {
  const result = await signUp(body, { ip, userAgent: req.headers.get("user-agent") });
  return setSessionCookie(NextResponse.json({ user: result.user, tenant: result.tenant }, { status: 201 }), req, result);
});

// "New workspace" for someone signed in: owned by their account; the session moves to it.
import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { createOwnWorkspace, ZNewWorkspace } from "@/lib/auth/signup";
import { setSessionCookie } from "@/lib/http/session-cookie";

export const POST = handler({ role: "agent", body: ZNewWorkspace }, async ({ user, body, ip, req }) => {
  const result = await createOwnWorkspace(user!, body.name, { ip, userAgent: req.headers.get("user-agent") });
  return setSessionCookie(NextResponse.json({ user: result.user, tenant: result.tenant }, { status: 201 }), req, result);
});

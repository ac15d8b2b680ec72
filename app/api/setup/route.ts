// First-run setup: the one-time link creates the first workspace and its owner (lib/workspaces/first-run.ts).
import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { completeSetup, ZSetup } from "@/lib/workspaces/first-run";
import { setSessionCookie } from "@/lib/http/session-cookie";

export const POST = handler({ body: ZSetup }, async ({ body, req }) => {
  const result = await completeSetup(body, { userAgent: req.headers.get("user-agent") });
  return setSessionCookie(NextResponse.json({ user: result.user, tenant: result.tenant }, { status: 201 }), req, result);
});

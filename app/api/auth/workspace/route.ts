// The signed-in person's workspaces (GET) and switching the session to another one (POST).
import { NextResponse } from "next/server";
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { myWorkspaces, switchWorkspace } from "@/lib/auth/switch-workspace";
import { setSessionCookie } from "@/lib/http/session-cookie";

export const GET = handler({ role: "agent" }, async ({ user }) => ({ workspaces: await myWorkspaces(user!) }));

export const POST = handler({ role: "agent", body: z.object({ tenantId: z.string().min(1).max(100) }) }, async ({ user, body, req }) => {
  const result = await switchWorkspace(user!, body.tenantId, req.headers.get("user-agent"));
  if (!result) return { user: { id: user!.id, tenantId: user!.tenantId, role: user!.role } };
  return setSessionCookie(NextResponse.json({ user: result.user }), req, result);
});

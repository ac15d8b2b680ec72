// Accepting an invitation link: joins the workspace (lib/auth/invitations.ts) and signs in to it.
import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { getCurrentUser } from "@/lib/auth/current-user";
import { acceptInvitation, ZAcceptInvitation } from "@/lib/auth/invitations";
import { setSessionCookie } from "@/lib/http/session-cookie";

export const POST = handler({ body: ZAcceptInvitation }, async ({ body, ip, req }) => {
  const result = await acceptInvitation(body, { ip, userAgent: req.headers.get("user-agent"), session: await getCurrentUser() });
  return setSessionCookie(NextResponse.json({ user: result.user }), req, result);
});

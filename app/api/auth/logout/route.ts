import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { revokeSession, SESSION_COOKIE } from "@/lib/auth/session";
import { getIo } from "@/lib/app/lifecycle";
import { rooms } from "@/lib/realtime/types";

export const POST = handler({ role: "agent" }, async ({ user }) => {
  await revokeSession(user!.sessionId);
  // Consoles open on this session stop at once (their next event re-checks the session too).
  const sockets = (await getIo()?.of("/agent").in(rooms.agent(user!.id)).fetchSockets()) ?? [];
  for (const s of sockets) if ((s.data as { user?: { sessionId?: string } }).user?.sessionId === user!.sessionId) s.disconnect(true);
  const res = NextResponse.json({ ok: true });
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, path: "/", maxAge: 0 });
  return res;
});

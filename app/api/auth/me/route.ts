import { handler } from "@/lib/http/handler";

export const GET = handler({ role: "agent" }, async ({ user }) => {
  const { sessionId: _omit, ...me } = user!;
  return { user: me };
});

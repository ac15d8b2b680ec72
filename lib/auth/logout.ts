// Signing out: the session row is revoked, and `agent.signed_out` closes the consoles open on it
// (lib/realtime/deliver.ts; their next event would re-check the session anyway).
import { revokeSession, type SessionUser } from "@/lib/auth/session";
import { publish } from "@/lib/events/bus";

export async function signOut(user: SessionUser): Promise<void> {
  await revokeSession(user.sessionId);
  publish("agent.signed_out", { tenantId: user.tenantId, userId: user.id, sessionId: user.sessionId });
}

// Whether a workspace is in use or disabled by the operator, for the long-lived connections that
// checked it once when they opened (widget sockets): asked again at most every few seconds, so a
// `npm run tenant:disable` from another process reaches open chats quickly without a query per
// message.
import { getDb } from "@/lib/db";

const RECHECK_MS = 10_000;
const cache = new Map<string, { enabled: boolean; at: number }>();

export async function workspaceEnabled(tenantId: string): Promise<boolean> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < RECHECK_MS) return hit.enabled;
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { disabledAt: true } });
  const enabled = Boolean(tenant && !tenant.disabledAt);
  if (cache.size > 10_000) cache.clear();
  cache.set(tenantId, { enabled, at: Date.now() });
  return enabled;
}

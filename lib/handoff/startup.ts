// Start-up work of the handoff domain. Presence is live state: after a restart nobody is connected
// until their console reconnects (and says "online" again), so nobody is reported available
// meanwhile. The queue itself is in the database and survives as it was.
import { getDb } from "@/lib/db";
import { onStart } from "@/lib/app/lifecycle";
import { redisEnabled } from "@/lib/scale/redis";

onStart(async () => {
  // With several instances (Redis), other instances' agents are still connected: leave presence be
  // (an agent who left is set offline by their grace period on the instance they were on).
  if (redisEnabled()) return;
  const db = await getDb();
  await db.user.updateMany({ where: { presence: { not: "offline" } }, data: { presence: "offline" } });
});

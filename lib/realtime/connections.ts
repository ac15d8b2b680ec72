// Who is connected, asked of Socket.IO (with the Redis adapter, of every instance): the one
// read-only question domain code may put to the realtime layer (presence, round-robin). Sending
// goes through domain events instead (lib/realtime/deliver.ts).
import { agentNamespace } from "@/lib/realtime/emit";
import { rooms } from "@/lib/realtime/types";

/** Open console sockets of an agent on all instances; null before Socket.IO is attached or when it cannot tell. */
export async function agentSocketCount(userId: string): Promise<number | null> {
  const nsp = agentNamespace();
  if (!nsp) return null;
  try {
    return (await nsp.in(rooms.agent(userId)).fetchSockets()).length;
  } catch {
    return null;
  }
}

// The agent console's commands that change who can take what: after each, round-robin tenants get
// their queue handed out again (lib/handoff/auto-assign.ts). Kept apart from actions.ts because
// auto-assign itself claims through actions.ts.
import type { Actor } from "@/lib/handoff/actions";
import { releaseToBot, resolveConversation, transferConversation } from "@/lib/handoff/actions";
import { autoAssign } from "@/lib/handoff/auto-assign";
import { setPresence } from "@/lib/handoff/presence";
import { queueChanged, teamAvailabilityChanged } from "@/lib/handoff/broadcast";

export async function changePresence(actor: Actor, presence: "online" | "away" | "offline"): Promise<void> {
  await setPresence(actor.id, presence);
  await queueChanged(actor.tenantId);
  await teamAvailabilityChanged(actor.tenantId);
  if (presence === "online") void autoAssign(actor.tenantId);
}

export async function transfer(actor: Actor, input: { conversationId: string; toAgentId: string }): Promise<void> {
  await transferConversation(actor, input);
  void autoAssign(actor.tenantId);
}

export async function resolve(actor: Actor, conversationId: string): Promise<void> {
  await resolveConversation(actor, conversationId);
  void autoAssign(actor.tenantId);
}

export async function release(actor: Actor, conversationId: string): Promise<void> {
  await releaseToBot(actor, conversationId);
  void autoAssign(actor.tenantId);
}

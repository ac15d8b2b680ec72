// The customer pressed "talk to a person": queued (or offered the offline form) like any other
// hand-off; escalate() publishes what the agents and the customer need to know.
import { getDb } from "@/lib/db";
import type { HandoffStatus } from "@/lib/chat/protocol";
import { ensureConversation } from "@/lib/chat/conversation-store";
import { spendMessageBudget, type VisitorRef } from "@/lib/chat/visitor";
import { escalate } from "@/lib/handoff/escalate";

export async function requestPerson(v: VisitorRef): Promise<HandoffStatus> {
  await spendMessageBudget(v);
  const db = await getDb();
  const conv = await ensureConversation(db, v.tenantId, v.visitorId, v.language);
  return escalate({ tenantId: v.tenantId, conversationId: conv.id, visitorId: v.visitorId, language: conv.language ?? v.language ?? "en", reason: "customer_request", trigger: "pressed “talk to a person”" });
}

import { handler } from "@/lib/http/handler";
import { listConversations, ZConversationListQuery } from "@/lib/conversations/queries";

export const GET = handler({ role: "agent", query: ZConversationListQuery }, async ({ db, query }) => ({
  conversations: await listConversations(db!, query),
}));

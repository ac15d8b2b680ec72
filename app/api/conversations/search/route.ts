import { handler } from "@/lib/http/handler";
import { searchConversations, ZConversationSearch } from "@/lib/conversations/search";

// Full-text search over the workspace's conversations (agents and admins).
export const GET = handler({ role: "agent", query: ZConversationSearch }, async ({ db, query }) => searchConversations(db!, query));

import { apiHandler } from "@/lib/http/api-handler";
import { listConversationPage, ZConversationPageQuery } from "@/lib/api/conversations";

export const GET = apiHandler({ scope: "conversations:read", query: ZConversationPageQuery }, async ({ db, query }) => listConversationPage(db, query));

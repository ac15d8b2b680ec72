// One conversation's messages. Internal notes only with ?includeNotes=true and the notes scope.
import { apiHandler, requireScope } from "@/lib/http/api-handler";
import { conversationMessages, ZMessagesQuery } from "@/lib/api/conversations";

export const GET = apiHandler({ scope: "conversations:read", query: ZMessagesQuery }, async ({ db, key, params, query }) => {
  if (query.includeNotes) requireScope(key, "conversations:notes");
  return conversationMessages(db, params.id!, query.includeNotes);
});

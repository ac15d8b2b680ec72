import { handler } from "@/lib/http/handler";
import { getConversation } from "@/lib/conversations/queries";

export const GET = handler({ role: "agent" }, async ({ db, params }) => ({ conversation: await getConversation(db!, params.id!) }));

// An agent sends an image or PDF in a conversation they handle (multipart: file, clientMessageId).
import { handler } from "@/lib/http/handler";
import { agentAttachment } from "@/lib/attachments/agent-upload";

export const POST = handler({ role: "agent", accepts: "multipart" }, async ({ db, user, params, req }) => agentAttachment(db!, user!, params.id!, req));

// Reads an upload of one or many documents and reports each file (title, language, passages, or
// what is wrong with it). Saves nothing.
import { handler } from "@/lib/http/handler";
import { previewKnowledgeUpload, readKnowledgeUpload } from "@/lib/knowledge/files";

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ req, user }) => ({ preview: await previewKnowledgeUpload(user!.tenantId, await readKnowledgeUpload(req)) }));

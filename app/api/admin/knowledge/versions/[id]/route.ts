// POST: restore an earlier knowledge version (a new version holding the same documents).
import { handler } from "@/lib/http/handler";
import { restoreKnowledgeVersion } from "@/lib/knowledge/documents";

export const POST = handler({ role: "admin" }, async ({ user, params }) => restoreKnowledgeVersion(user!.tenantId, params.id!, { id: user!.id, kind: "user" }));

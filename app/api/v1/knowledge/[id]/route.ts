// GET one knowledge document with its text; DELETE it (a new knowledge version without it).
import { apiHandler } from "@/lib/http/api-handler";
import { deleteDocument, readDocument } from "@/lib/knowledge/documents";

export const GET = apiHandler({ scope: "knowledge:read" }, async ({ db, params }) => ({ document: await readDocument(db, params.id!) }));

export const DELETE = apiHandler({ scope: "knowledge:write" }, async ({ key, actor, params }) => {
  const { version } = await deleteDocument(key.tenantId, params.id!, actor);
  return { version };
});

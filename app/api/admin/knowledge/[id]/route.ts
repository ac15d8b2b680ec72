// One knowledge document: GET it with its text; DELETE it (a new version without it).
import { handler } from "@/lib/http/handler";
import { deleteDocument, readDocument } from "@/lib/knowledge/documents";

export const GET = handler({ role: "admin" }, async ({ db, params }) => ({ document: await readDocument(db!, params.id!) }));

export const DELETE = handler({ role: "admin" }, async ({ user, params }) => deleteDocument(user!.tenantId, params.id!, { id: user!.id, kind: "user" }));

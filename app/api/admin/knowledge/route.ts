// The knowledge documents as the admin manages them: GET the current documents (?q= filters) and
// the history; POST an upload of one or many files (multipart "file" fields, optional "url"),
// stored as a new version when every file is usable, otherwise 422 with each file's problem.
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { listDocuments, listKnowledgeVersions } from "@/lib/knowledge/documents";
import { readKnowledgeUpload, uploadKnowledge } from "@/lib/knowledge/files";

const ZQuery = z.object({ q: z.string().max(200).optional() });

export const GET = handler({ role: "admin", query: ZQuery }, async ({ db, query }) => {
  const [current, versions] = await Promise.all([listDocuments(db!, query.q), listKnowledgeVersions(db!)]);
  return { ...current, versions };
});

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ req, user }) => uploadKnowledge(user!.tenantId, await readKnowledgeUpload(req), { id: user!.id, kind: "user" }));

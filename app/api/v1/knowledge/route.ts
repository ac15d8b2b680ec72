// GET the knowledge documents (?q= filters); POST one document as JSON { title, content, url? }.
import { z } from "zod";
import { apiHandler } from "@/lib/http/api-handler";
import { listDocuments } from "@/lib/knowledge/documents";
import { uploadKnowledgeFromApi } from "@/lib/knowledge/files";

const ZQuery = z.object({ q: z.string().max(200).optional() });

export const GET = apiHandler({ scope: "knowledge:read", query: ZQuery }, async ({ db, query }) => listDocuments(db, query.q));

export const POST = apiHandler({ scope: "knowledge:write" }, async ({ req, key, actor }) => Response.json(await uploadKnowledgeFromApi(key.tenantId, req, actor), { status: 201 }));

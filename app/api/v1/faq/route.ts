// GET the latest (or ?version=N) FAQ version's entries; POST a new version (multipart file or JSON).
import { apiHandler } from "@/lib/http/api-handler";
import { z } from "zod";
import { readFaqVersionByNumber } from "@/lib/faq/history";
import { uploadFaqFromRequest } from "@/lib/faq/files";

const ZFaqQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const GET = apiHandler({ scope: "faq:read", query: ZFaqQuery }, async ({ db, query }) => readFaqVersionByNumber(db, query.version));

export const POST = apiHandler({ scope: "faq:write" }, async ({ req, key, actor }) => {
  const result = await uploadFaqFromRequest(key.tenantId, req, actor);
  return Response.json(result, { status: 201 });
});

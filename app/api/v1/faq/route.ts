// GET the latest (or ?version=N) FAQ version's entries; POST a new version (multipart file or JSON).
import { apiHandler } from "@/lib/http/api-handler";
import { getFaqVersion, uploadFaqFromRequest, ZFaqQuery } from "@/lib/api/faq";

export const GET = apiHandler({ scope: "faq:read", query: ZFaqQuery }, async ({ db, query }) => getFaqVersion(db, query.version));

export const POST = apiHandler({ scope: "faq:write" }, async ({ req, key, actor }) => {
  const result = await uploadFaqFromRequest(key.tenantId, req, actor);
  return Response.json(result, { status: 201 });
});

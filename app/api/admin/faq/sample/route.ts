// A small example FAQ file to start from (the empty state links here).
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { fileResponse, sampleFaq, ZExportFormat } from "@/lib/faq/files";

const ZSampleQuery = z.object({ format: ZExportFormat.default("csv") });

export const GET = handler({ role: "admin", query: ZSampleQuery }, async ({ query }) => fileResponse(sampleFaq(query.format)));

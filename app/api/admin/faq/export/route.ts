// Downloads an FAQ version (the latest by default) as CSV, JSON or Markdown.
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { exportFaq, fileResponse, ZExportFormat } from "@/lib/faq/files";

const ZExportQuery = z.object({ format: ZExportFormat.default("csv"), version: z.string().max(64).optional() });

export const GET = handler({ role: "admin", query: ZExportQuery }, async ({ user, query }) => fileResponse(await exportFaq(user!.tenantId, query.format, query.version)));

// What changed between two FAQ versions: entries added, removed and changed (by key, with fields).
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { diffFaqVersions } from "@/lib/faq/history";

const ZDiffQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) });

export const GET = handler({ role: "admin", query: ZDiffQuery }, async ({ user, query }) => diffFaqVersions(user!.tenantId, query.from, query.to));

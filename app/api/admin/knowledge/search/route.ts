// Which passages a question finds, and whether the bot would answer it from them.
import { z } from "zod";
import { handler } from "@/lib/http/handler";
import { searchKnowledge } from "@/lib/knowledge/search";

const ZQuery = z.object({ q: z.string().trim().min(1, "Type a question").max(500), language: z.string().max(10).optional() });

export const GET = handler({ role: "admin", query: ZQuery }, async ({ user, query }) => searchKnowledge(user!.tenantId, query.q, query.language ?? null));

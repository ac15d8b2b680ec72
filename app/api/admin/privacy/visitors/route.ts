import { handler } from "@/lib/http/handler";
import { findVisitors, ZFindVisitor } from "@/lib/privacy/find-visitor";

export const GET = handler({ role: "admin", query: ZFindVisitor }, async ({ db, query }) => ({ visitors: await findVisitors(db!, query.q) }));

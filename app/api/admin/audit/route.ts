import { handler } from "@/lib/http/handler";
import { listAuditLog, ZAuditQuery } from "@/lib/audit/list";

export const GET = handler({ role: "admin", query: ZAuditQuery }, async ({ db, query }) => listAuditLog(db!, query));

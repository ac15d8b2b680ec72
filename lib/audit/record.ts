// The audit log of admin actions: who did what to which thing, and when.
import { getDb } from "@/lib/db";

export interface AuditEntry {
  tenantId: string;
  actorId?: string | null;
  actorKind?: "user" | "api_key" | "system";
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const db = await getDb();
  await db.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actorKind === "api_key" ? null : (entry.actorId ?? null),
      actorKind: entry.actorKind ?? "user",
      action: entry.action,
      target: entry.target ?? null,
      details: (entry.details ?? {}) as object,
    },
  });
}

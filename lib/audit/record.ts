// The audit log of admin actions: who did what to which thing, and when.
// `actorId` names a user; an API key is not a user (the column references User), so for
// actorKind "api_key" the key's id is kept in details.apiKeyId and the log view names the key.
import { getDb, type Db } from "@/lib/db";

export interface AuditEntry {
  tenantId: string;
  actorId?: string | null;
  actorKind?: "user" | "api_key" | "system";
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Any client that can create audit rows (the process client, a test client, a tenant-scoped one). */
export interface AuditWriter {
  auditLog: { create(args: { data: Parameters<Db["auditLog"]["create"]>[0]["data"] }): Promise<unknown> };
}

/** Writes one entry. `db` lets in-process jobs and tests write through their own client. */
export async function recordAudit(entry: AuditEntry, db?: AuditWriter): Promise<void> {
  const client: AuditWriter = db ?? (await getDb());
  const kind = entry.actorKind ?? "user";
  const details = { ...(entry.details ?? {}), ...(kind === "api_key" && entry.actorId ? { apiKeyId: entry.actorId } : {}) };
  await client.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: kind === "user" ? (entry.actorId ?? null) : null,
      actorKind: kind,
      action: entry.action,
      target: entry.target ?? null,
      details: details as object,
    },
  });
}

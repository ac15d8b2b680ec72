// Owns reading the audit log for the admin view: newest first, filtered by action and date,
// paged, each entry with a readable actor ("Ana <ana@…>", "API key CI deploy", "system").
import { z } from "zod";
import type { TenantDb } from "@/lib/tenancy/guard";
import { createdBetween, pageRows, ZPageFields } from "@/lib/db/paging";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-01-31");

export const ZAuditQuery = z.object({
  action: z.string().trim().max(100).optional().transform((v) => v || undefined),
  /** UTC days, inclusive. */
  from: z.union([ZDay, z.literal("")]).optional().transform((v) => v || undefined),
  to: z.union([ZDay, z.literal("")]).optional().transform((v) => v || undefined),
  ...ZPageFields,
});

export type AuditQuery = z.infer<typeof ZAuditQuery>;

export interface AuditRow {
  id: string;
  createdAt: string;
  actor: string;
  actorKind: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export async function listAuditLog(db: TenantDb, q: AuditQuery): Promise<{ entries: AuditRow[]; total: number; page: number; pageSize: number; actions: string[] }> {
  // UTC days, both inclusive: up to the start of the day after `to`.
  const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00.000Z`) + plusDays * 86_400_000);
  const where = { ...(q.action ? { action: q.action } : {}), ...createdBetween(q.from ? dayStart(q.from) : undefined, q.to ? dayStart(q.to, 1) : undefined) };
  const [total, rows, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageRows(q), include: { actor: { select: { name: true, email: true } } } }),
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  const keyIds = [...new Set(rows.map((r) => apiKeyId(r.details)).filter((id): id is string => Boolean(id)))];
  const keys = keyIds.length ? await db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [];
  const keyName = new Map(keys.map((k) => [k.id, k.name]));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    actions: actions.map((a) => a.action),
    entries: rows.map((r) => {
      const details = (r.details && typeof r.details === "object" ? r.details : {}) as Record<string, unknown>;
      let actor = "system";
      if (r.actorKind === "user") actor = r.actor ? `${r.actor.name} <${r.actor.email}>` : "deleted user";
      else if (r.actorKind === "api_key") {
        const id = apiKeyId(details);
        actor = `API key ${(id && keyName.get(id)) ?? "(unknown)"}`;
      }
      return { id: r.id, createdAt: r.createdAt.toISOString(), actor, actorKind: r.actorKind, action: r.action, target: r.target, details };
    }),
  };
}

function apiKeyId(details: unknown): string | null {
  const id = details && typeof details === "object" ? (details as Record<string, unknown>).apiKeyId : null;
  return typeof id === "string" ? id : null;
}

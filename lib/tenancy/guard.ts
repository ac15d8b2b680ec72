// The one tenant-scoping guard. Every query for tenant data goes through `tenantDb(tenantId)`: a
// Prisma client extension that adds `tenantId` to the where-clause of every read, update and
// delete, and sets it on every create, for all tenant-owned models. Code cannot forget it, and a
// row of another tenant is simply "not found". (Removing the guard makes tests/e2e/cross-tenant fail.)
import { getDb, type Db } from "@/lib/db";

/** Models whose rows belong to one tenant (they all have a tenantId column). */
const TENANT_MODELS = new Set([
  "User",
  "FaqVersion",
  "FaqEntry",
  "ModelVersion",
  "TrainingRun",
  "Visitor",
  "Conversation",
  "Message",
  "Decision",
  "Handoff",
  "OfflineTicket",
  "CannedResponse",
  "Rating",
  "AuditLog",
  "ApiKey",
  "Session",
  "Invitation",
  "TenantLogo",
  "KnowledgeVersion",
  "KnowledgeDocument",
  "KnowledgePassage",
  "KnowledgeVersionDocument",
  "TicketReply",
  "Webhook",
  "WebhookDelivery",
  "Team",
  "TeamMember",
  "Attachment",
]);

/**
 * Models that belong to no tenant: a person's account spans workspaces, a setup token precedes
 * them. A tenant-scoped handle refuses them, so workspace code cannot reach another workspace's
 * people through them (lib/auth and lib/workspaces own them).
 */
const OUTSIDE_TENANTS = new Set(["Account", "SetupToken"]);

const WHERE_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

type AnyArgs = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

function scopeArgs(model: string, operation: string, args: AnyArgs, tenantId: string): AnyArgs {
  const key = model === "Tenant" ? "id" : "tenantId";
  const next: AnyArgs = { ...args };
  if (WHERE_OPS.has(operation)) next.where = { ...(args.where ?? {}), [key]: tenantId };
  if (model === "Tenant") {
    if (operation.startsWith("create")) throw new Error("tenant guard: creating tenants is not a tenant-scoped operation");
    return next;
  }
  if (operation === "create") next.data = { ...(args.data as object), tenantId };
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(args.data) ? args.data : [args.data];
    next.data = rows.map((r) => ({ ...(r as object), tenantId }));
  }
  if (operation === "upsert") next.create = { ...(args.create ?? {}), tenantId };
  return next;
}

export function scopeToTenant(db: Db, tenantId: string) {
  if (!tenantId) throw new Error("tenant guard: tenantId is required");
  const scoped = db.$extends({
    name: "tenant-guard",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (OUTSIDE_TENANTS.has(model)) throw new Error(`tenant guard: ${model} is not tenant data`);
          if (model !== "Tenant" && !TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(model, operation, (args ?? {}) as AnyArgs, tenantId) as typeof args);
        },
      },
    },
  });
  // The id rides along so creates can name it explicitly (the guard would set it anyway).
  return Object.assign(scoped, { tenantId });
}

export type TenantDb = ReturnType<typeof scopeToTenant>;

/** A database handle that can only see and change the given tenant's rows. */
export async function tenantDb(tenantId: string): Promise<TenantDb> {
  return scopeToTenant(await getDb(), tenantId);
}

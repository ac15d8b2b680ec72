// Owns the retention purge: for every tenant, conversations whose last activity (updatedAt) is
// older than the tenant's `retentionDays` are deleted with their messages, decisions, hand-offs,
// ratings and attachments (cascade; the attachment files after the rows); then offline tickets older than that, and visitors left with nothing (no
// conversation, no ticket, not seen within the period), and webhook deliveries (whose bodies carry
// messages) sent, failed or waiting since before then. Counts are logged and audit-logged per
// tenant. Batched so a large backlog never holds one long transaction.
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { recordAudit } from "@/lib/audit/record";
import type { ErasureCounts } from "@/lib/privacy/delete-visitor";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { scopeToTenant, type TenantDb } from "@/lib/tenancy/guard";
import { deleteAttachmentFiles } from "@/lib/attachments/upload";

export interface PurgeCounts extends ErasureCounts {
  visitors: number;
}

export interface TenantPurge extends PurgeCounts {
  tenantId: string;
  retentionDays: number;
  cutoff: string;
}

const BATCH = 200;
const DAY_MS = 86_400_000;

const zero = (): PurgeCounts => ({ conversations: 0, messages: 0, decisions: 0, handoffs: 0, ratings: 0, offlineTickets: 0, webhookDeliveries: 0, visitors: 0 });

/** Purges every tenant's expired data as of `now`. `db` defaults to the process client. */
export async function purgeExpired(now: Date = new Date(), opts: { db?: Db } = {}): Promise<{ tenants: TenantPurge[]; total: PurgeCounts }> {
  const base = opts.db ?? (await getDb());
  const tenants = await base.tenant.findMany({ select: { id: true, settings: true } });
  const results: TenantPurge[] = [];
  const total = zero();
  for (const t of tenants) {
    const retentionDays = readTenantSettings(t.settings).retentionDays;
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
    const counts = await purgeTenant(scopeToTenant(base, t.id), cutoff);
    const removed = Object.values(counts).some((n) => n > 0);
    if (removed) {
      logger.info({ tenantId: t.id, retentionDays, ...counts }, "retention purge");
      await recordAudit({ tenantId: t.id, actorKind: "system", action: "privacy.retention_purge", details: { retentionDays, cutoff: cutoff.toISOString(), ...counts } }, base);
    }
    for (const k of Object.keys(total) as (keyof PurgeCounts)[]) total[k] += counts[k];
    results.push({ tenantId: t.id, retentionDays, cutoff: cutoff.toISOString(), ...counts });
  }
  return { tenants: results, total };
}

async function purgeTenant(db: TenantDb, cutoff: Date): Promise<PurgeCounts> {
  const counts = zero();
  for (;;) {
    const batch = (await db.conversation.findMany({ where: { updatedAt: { lt: cutoff } }, select: { id: true }, take: BATCH })).map((c) => c.id);
    if (batch.length === 0) break;
    const files = await db.attachment.findMany({ where: { conversationId: { in: batch } }, select: { storageKey: true } });
    await db.$transaction(async (tx) => {
      const inConv = { conversationId: { in: batch } };
      counts.messages += await tx.message.count({ where: inConv });
      counts.decisions += await tx.decision.count({ where: inConv });
      counts.handoffs += await tx.handoff.count({ where: inConv });
      counts.ratings += await tx.rating.count({ where: inConv });
      // Re-checks the age: a conversation that came back to life meanwhile stays.
      counts.conversations += (await tx.conversation.deleteMany({ where: { id: { in: batch }, updatedAt: { lt: cutoff } } })).count;
    });
    // Files of the conversations actually deleted (one that came back to life keeps its rows and files).
    const kept = new Set((await db.attachment.findMany({ where: { conversationId: { in: batch } }, select: { storageKey: true } })).map((a) => a.storageKey));
    await deleteAttachmentFiles(files.map((f) => f.storageKey).filter((k) => !kept.has(k)));
    if (batch.length < BATCH) break;
  }
  counts.offlineTickets = (await db.offlineTicket.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
  counts.webhookDeliveries = (await db.webhookDelivery.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
  counts.visitors = (await db.visitor.deleteMany({ where: { lastSeenAt: { lt: cutoff }, conversations: { none: {} }, offlineTickets: { none: {} } } })).count;
  return counts;
}

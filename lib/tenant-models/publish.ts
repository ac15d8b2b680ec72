// Publishing a trained model version (and rolling back to an earlier one): one transaction flips
// the tenant's active model, then every process drops its cached copy through the `model.published`
// event, so connected customers get the new version on their next message without a restart.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { publish } from "@/lib/events/bus";

export async function publishModelVersion(input: { tenantId: string; modelVersionId: string; actorId?: string | null; actorKind?: "user" | "api_key" | "system" }) {
  const db = await getDb();
  const version = await db.modelVersion.findFirst({ where: { id: input.modelVersionId, tenantId: input.tenantId } });
  if (!version) throw new AppError("not_found", "Model version not found.");
  const previous = await db.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { activeModelId: true } });
  if (previous.activeModelId === version.id) return version;
  const published = await db.$transaction(async (tx) => {
    // The tenant row is written first: it locks the row, so two publishes at once run one after
    // the other and exactly one version ends up marked published.
    await tx.tenant.update({ where: { id: input.tenantId }, data: { activeModelId: version.id } });
    await tx.modelVersion.updateMany({ where: { tenantId: input.tenantId, status: "published" }, data: { status: "ready" } });
    return tx.modelVersion.update({ where: { id: version.id }, data: { status: "published", publishedAt: new Date() } });
  });
  const rollback = previous.activeModelId !== null && (await db.modelVersion.findUnique({ where: { id: previous.activeModelId } }))?.number! > version.number;
  await recordAudit({
    tenantId: input.tenantId,
    actorId: input.actorId ?? null,
    actorKind: input.actorKind ?? "user",
    action: rollback ? "model.rollback" : "model.publish",
    target: version.id,
    details: { version: version.number, previousModelVersionId: previous.activeModelId },
  });
  publish("model.published", { tenantId: input.tenantId, modelVersionId: version.id });
  return published;
}

// Owns the Settings page's logo: an uploaded PNG, JPEG, GIF or WebP (at most 256 KB, recognised by
// its content) replaces the workspace's logo; removing it goes back to the name alone.
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { readFormCapped } from "@/lib/http/body";
import { logoUrl, MAX_LOGO_BYTES, sniffImageType } from "@/lib/tenancy/logo";
import type { TenantDb } from "@/lib/tenancy/guard";

/** The logo's URL, or null when the workspace has none. */
export async function currentLogoUrl(db: TenantDb): Promise<string | null> {
  const [tenant, logo] = await Promise.all([db.tenant.findFirst({ select: { widgetKey: true } }), db.tenantLogo.findFirst({ select: { updatedAt: true } })]);
  return tenant && logo ? logoUrl(tenant.widgetKey, logo.updatedAt) : null;
}

export async function saveLogo(db: TenantDb, req: Request, actor: { id: string }): Promise<{ logoUrl: string | null }> {
  const form = await readFormCapped(req, MAX_LOGO_BYTES, { what: "logo", hint: "Use a smaller image (a logo of 256 × 256 pixels is plenty)." });
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("bad_request", "Choose an image file for the logo.");
  const data = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffImageType(data);
  if (!contentType) throw new AppError("unsupported_media_type", "The logo must be a PNG, JPEG, GIF or WebP image.");
  await db.tenantLogo.upsert({ where: { tenantId: db.tenantId }, create: { tenantId: db.tenantId, contentType, data }, update: { contentType, data } });
  await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "settings.logo", details: { contentType, bytes: data.length } });
  return { logoUrl: await currentLogoUrl(db) };
}

export async function removeLogo(db: TenantDb, actor: { id: string }): Promise<{ logoUrl: null }> {
  const { count } = await db.tenantLogo.deleteMany({});
  if (count > 0) await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: "settings.logo_remove" });
  return { logoUrl: null };
}

// The workspace's logo as the public sees it: served by widget key (the chat frame on a customer's
// site shows it), and the URL the chat and the consoles use. A disabled workspace has none.
import { getDb } from "@/lib/db";

export const MAX_LOGO_BYTES = 256 * 1024;

/** The formats accepted, told apart by their first bytes (never by the file name); no SVG (it can hold scripts). */
export function sniffImageType(bytes: Uint8Array): string | null {
  const at = (i: number, ...b: number[]) => b.every((x, j) => bytes[i + j] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}

export function logoUrl(widgetKey: string, updatedAt: Date): string {
  return `/api/widget/logo?key=${encodeURIComponent(widgetKey)}&v=${updatedAt.getTime()}`;
}

export async function logoByWidgetKey(widgetKey: string): Promise<{ contentType: string; data: Uint8Array } | null> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { widgetKey }, select: { disabledAt: true, logo: { select: { contentType: true, data: true } } } });
  if (!tenant || tenant.disabledAt || !tenant.logo) return null;
  return tenant.logo;
}

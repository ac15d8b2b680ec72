// Opening an attachment by its signed link (signed-url.ts): the bytes with headers that keep the
// browser from running or sniffing it — the type recognised at upload, `nosniff`, a sandboxing CSP,
// and `Content-Disposition` (images inline; PDFs as a download), with the cleaned file name.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { attachmentStorage } from "@/lib/attachments/storage";
import { linkValid } from "@/lib/attachments/signed-url";

export async function openAttachment(id: string, e: string | null, s: string | null): Promise<{ data: Buffer; headers: Record<string, string> }> {
  if (!linkValid(id, e, s)) throw new AppError("forbidden", "This link has expired or is not valid. Open the file again from the conversation.");
  const db = await getDb();
  // The signature names this one row; no tenant is known before it.
  const row = await db.attachment.findUnique({ where: { id } });
  const data = row ? await attachmentStorage().get(row.storageKey) : null;
  if (!row || !data) throw new AppError("not_found", "This file is no longer available.");
  const ascii = row.fileName.replace(/[^\x20-\x7e]/g, "_");
  return {
    data,
    headers: {
      "content-type": row.contentType,
      "content-length": String(data.length),
      "content-disposition": `${row.contentType.startsWith("image/") ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "cache-control": "private, max-age=600",
      "cross-origin-resource-policy": "same-origin",
    },
  };
}

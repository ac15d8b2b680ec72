// What may be attached: images (PNG, JPEG, GIF, WebP) and PDF documents, recognised by their
// content (magic bytes, `file-type`), never by the name or the browser's claim; at most the
// tenant's size limit (default 10 MB). Anything else is refused with what to send instead.
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors/app-error";
import { formatLimit } from "@/lib/http/body";

export const ALLOWED_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const isImage = (contentType: string) => contentType.startsWith("image/");

/** The content type the bytes really are, or a refusal. */
export async function checkAttachment(data: Uint8Array, maxBytes: number): Promise<string> {
  if (data.length === 0) throw new AppError("validation_failed", "The file is empty.");
  if (data.length > maxBytes) throw new AppError("payload_too_large", `The file is too large (${formatLimit(data.length)}). Files up to ${formatLimit(maxBytes)} can be sent.`);
  const type = await fileTypeFromBuffer(data);
  if (!type || !ALLOWED_TYPES.has(type.mime)) {
    throw new AppError("unsupported_media_type", "This kind of file cannot be sent. Send an image (PNG, JPEG, GIF or WebP) or a PDF document.");
  }
  return type.mime;
}

/** A file name safe to show and to put in a header: no path, no control characters, not too long. */
export function cleanFileName(name: string, contentType: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 120);
  return clean || (contentType === "application/pdf" ? "document.pdf" : "image");
}

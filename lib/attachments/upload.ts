// Storing an attachment: the bytes are checked (file-policy.ts), written to the attachment storage
// and recorded as an Attachment row of the conversation; the message that carries it is written by
// the caller (a customer's message: lib/chat/customer-message.ts; an agent's: lib/handoff/actions.ts).
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { readFormCapped } from "@/lib/http/body";
import type { TenantDb } from "@/lib/tenancy/guard";
import { attachmentStorage, storageKey } from "@/lib/attachments/storage";
import { checkAttachment, cleanFileName } from "@/lib/attachments/file-policy";
import type { AttachmentMeta } from "@/lib/chat/conversation-store";

/** The largest limit a workspace may set; requests are cut off past it before the tenant is known. */
export const HARD_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export interface Upload {
  form: FormData;
  name: string;
  data: Uint8Array;
}

/** The multipart request's `file` (and its other fields), read up to the hard limit. */
export async function readUpload(req: Request): Promise<Upload> {
  const form = await readFormCapped(req, HARD_MAX_ATTACHMENT_BYTES, { what: "file", hint: "Send a smaller file." });
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("bad_request", "Choose a file to send.");
  return { form, name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

export async function storeAttachment(
  db: TenantDb,
  a: { conversationId: string; uploadedBy: "customer" | "agent"; authorId: string | null; upload: Upload; maxBytes: number },
): Promise<AttachmentMeta> {
  const contentType = await checkAttachment(a.upload.data, a.maxBytes);
  const id = randomUUID().replace(/-/g, "");
  const key = storageKey(db.tenantId, id);
  const name = cleanFileName(a.upload.name, contentType);
  await attachmentStorage().put(key, a.upload.data);
  try {
    await db.attachment.create({
      data: { id, tenantId: db.tenantId, conversationId: a.conversationId, uploadedBy: a.uploadedBy, authorId: a.authorId, fileName: name, contentType, size: a.upload.data.length, storageKey: key },
    });
  } catch (e) {
    await attachmentStorage().delete(key).catch(() => undefined);
    throw e;
  }
  return { id, name, contentType, size: a.upload.data.length };
}

/** Removes the files of these attachment rows (after their rows are gone or going). */
export async function deleteAttachmentFiles(keys: string[]): Promise<void> {
  const storage = attachmentStorage();
  await Promise.all(keys.map((k) => storage.delete(k).catch(() => undefined)));
}

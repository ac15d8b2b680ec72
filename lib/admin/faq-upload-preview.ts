// Owns the admin's upload preview: the file parsed and checked without saving anything
// (lib/faq/versions.ts) and, when it is valid, what saving it would change against the latest
// FAQ version (lib/admin/faq-upload-change.ts).
import "server-only";
import { previewFaqUpload, type FaqPreview } from "@/lib/faq/versions";
import { readFaqVersion } from "@/lib/faq/history";
import type { UploadedFile } from "@/lib/faq/files";
import { summarizeUploadChange, type FaqUploadChange } from "./faq-upload-change";

export async function previewFaqUploadChange(tenantId: string, file: UploadedFile): Promise<{ preview: FaqPreview; change: FaqUploadChange | null }> {
  const [preview, current] = await Promise.all([previewFaqUpload(tenantId, file), readFaqVersion(tenantId)]);
  if (!preview.ok) return { preview, change: null };
  return { preview, change: summarizeUploadChange(current.version ? { number: current.version.number, entries: current.entries } : null, preview.entries) };
}

// Parses an uploaded FAQ file (multipart field "file") and returns its entries or every error
// with its line, and for a valid file what saving it would change against the latest version
// (`change`: the version it replaces, entries added, removed and changed). Saves nothing.
import { handler } from "@/lib/http/handler";
import { readFaqUpload } from "@/lib/faq/files";
import { previewFaqUploadChange } from "@/lib/admin/faq-upload-preview";

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ req, user }) => previewFaqUploadChange(user!.tenantId, await readFaqUpload(req)));

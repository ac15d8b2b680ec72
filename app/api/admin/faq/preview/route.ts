// Parses an uploaded FAQ file (multipart field "file") and returns its entries or every error
// with its line. Saves nothing.
import { handler } from "@/lib/http/handler";
import { readFaqUpload } from "@/lib/faq/files";
import { previewFaqUpload } from "@/lib/faq/versions";

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ req, user }) => ({ preview: await previewFaqUpload(user!.tenantId, await readFaqUpload(req)) }));

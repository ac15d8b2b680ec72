// Stores an uploaded FAQ file (multipart field "file") as a new version: all or nothing; with any
// error it answers 422 with every error and its line (details.errors).
import { handler } from "@/lib/http/handler";
import { readFaqUpload } from "@/lib/faq/files";
import { uploadFaq } from "@/lib/faq/versions";

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ req, user }) => {
  const { version, warnings } = await uploadFaq(user!.tenantId, await readFaqUpload(req), { id: user!.id, kind: "user" });
  return { version: { id: version.id, number: version.number, entryCount: version.entryCount }, warnings };
});

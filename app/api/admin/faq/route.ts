// The FAQ as the admin edits it: GET the latest version's entries and the history; PUT the edited
// entries to save them as a new version.
import { handler } from "@/lib/http/handler";
import { listFaqVersions, readFaqVersion } from "@/lib/faq/history";
import { saveFaqEdit, ZFaqEdit } from "@/lib/faq/edit";

export const GET = handler({ role: "admin" }, async ({ db, user }) => {
  const [current, versions] = await Promise.all([readFaqVersion(user!.tenantId), listFaqVersions(db!)]);
  return { ...current, versions };
});

export const PUT = handler({ role: "admin", body: ZFaqEdit }, async ({ user, body }) => {
  const { version, warnings } = await saveFaqEdit(user!.tenantId, body, { id: user!.id, kind: "user" });
  return { version: { id: version.id, number: version.number, entryCount: version.entryCount }, warnings };
});

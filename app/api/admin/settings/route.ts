// The workspace settings form: GET the current values, PATCH the changed ones (validated, audited).
import { handler } from "@/lib/http/handler";
import { readAdminSettings, updateAdminSettings, ZSettingsUpdate } from "@/lib/admin/settings";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ settings: await readAdminSettings(db!) }));

export const PATCH = handler({ role: "admin", body: ZSettingsUpdate }, async ({ db, user, body }) => ({ settings: await updateAdminSettings(db!, body, user!) }));

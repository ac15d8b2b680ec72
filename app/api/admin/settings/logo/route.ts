// The workspace logo: POST uploads one (multipart field "file"), DELETE removes it.
import { handler } from "@/lib/http/handler";
import { removeLogo, saveLogo } from "@/lib/admin/logo";

export const POST = handler({ role: "admin", accepts: "multipart" }, async ({ db, user, req }) => saveLogo(db!, req, user!));

export const DELETE = handler({ role: "admin" }, async ({ db, user }) => removeLogo(db!, user!));

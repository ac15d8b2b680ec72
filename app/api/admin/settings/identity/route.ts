// The workspace's identity secret for verified visitor identities (Settings): GET shows it
// (created on first use), POST rotates it. Admins only.
import { handler } from "@/lib/http/handler";
import { ensureIdentitySecret, rotateIdentitySecret } from "@/lib/identity/secret";

export const GET = handler({ role: "admin" }, async ({ db }) => ensureIdentitySecret(db!));

export const POST = handler({ role: "admin" }, async ({ db, user }) => rotateIdentitySecret(db!, user!));

// One-time link tokens (invitations, the first-run setup link): 32 random bytes in the URL, only
// their SHA-256 stored, so a copy of the database does not hold working links.
import crypto from "node:crypto";
import { z } from "zod";

export const ZLinkToken = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not complete. Open the whole link you were given.");

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

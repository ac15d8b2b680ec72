// The identity signature a host site's backend computes for its logged-in customer: the hex
// HMAC-SHA256 of the customer's id with the workspace's identity secret (as Intercom and Chatwoot
// do). Pure functions, shared by the chat (verification) and the tests.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new identity secret: 32 random bytes, hex, with a prefix that says what it is. */
export function newIdentitySecret(): string {
  return `fis_${randomBytes(32).toString("hex")}`;
}

export function identitySignature(secret: string, id: string): string {
  return createHmac("sha256", secret).update(id, "utf8").digest("hex");
}

/** Whether `signature` is the identity signature of `id` (timing-safe; case of the hex ignored). */
export function signatureMatches(secret: string, id: string, signature: string): boolean {
  const expected = Buffer.from(identitySignature(secret, id), "utf8");
  const given = Buffer.from(signature.trim().toLowerCase(), "utf8");
  // Unequal lengths are refused before the constant-time comparison (which requires equal lengths);
  // the length of a SHA-256 hex digest is public anyway.
  return expected.length === given.length && timingSafeEqual(expected, given);
}

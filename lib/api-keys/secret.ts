// Owns the API key format and its hashing. A key is `fbk_<prefix>_<secret>`: the prefix (public,
// unique, indexed) finds the row, the 32-byte random secret is checked against a SHA-256 hash.
// A fast hash is right here: the secret has 256 bits of entropy, so there is nothing to guess,
// and a slow password hash would cost every API request. Comparison is constant-time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_RE = /^fbk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  /** The full key, shown to the admin once and never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedKey {
  // base36 of random bytes: lower-case letters and digits only, easy to read in a list.
  const prefix = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(13, "0").slice(-12);
  const secret = randomBytes(32).toString("base64url");
  return { key: `fbk_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Splits a presented key into prefix and secret; null when it is not shaped like one of ours. */
export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = KEY_RE.exec(key.trim());
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

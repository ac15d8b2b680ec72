// Webhook secrets and signatures. A delivery carries `X-Faqbot-Signature: sha256=<hex>`, the
// HMAC-SHA256 of the raw request body keyed with the webhook's secret (GitHub's convention), so a
// receiver can check that the body came from this server and was not changed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Faqbot-Signature";
export const DELIVERY_HEADER = "X-Faqbot-Delivery";
export const EVENT_HEADER = "X-Faqbot-Event";

/** A new secret: `whsec_` and 32 random bytes. Shown to the admin once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does (and what the tests do): constant-time comparison of the header. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// Links to attachments: signed with the server secret and expiring, handed out only inside the
// conversation's messages (the customer's widget and the agents watching it), so only the
// conversation's participants ever hold one. A link for one attachment opens no other.
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverSecret } from "@/lib/auth/secret";

export const LINK_TTL_SECONDS = 60 * 60;

function signature(attachmentId: string, expires: number): string {
  return createHmac("sha256", serverSecret()).update(`attachment:${attachmentId}:${expires}`).digest("base64url");
}

export function signedAttachmentUrl(attachmentId: string, now = Date.now()): string {
  // Rounded up to the next 10 minutes: a message re-sent in the same window keeps the same link.
  const expires = Math.ceil((now / 1000 + LINK_TTL_SECONDS) / 600) * 600;
  return `/api/attachments/${encodeURIComponent(attachmentId)}?e=${expires}&s=${signature(attachmentId, expires)}`;
}

/** Whether `(e, s)` is a valid, unexpired link for this attachment. */
export function linkValid(attachmentId: string, e: string | null, s: string | null, now = Date.now()): boolean {
  const expires = Number(e);
  if (!Number.isInteger(expires) || !s || expires * 1000 < now) return false;
  const want = Buffer.from(signature(attachmentId, expires));
  const got = Buffer.from(s);
  return want.length === got.length && timingSafeEqual(want, got);
}

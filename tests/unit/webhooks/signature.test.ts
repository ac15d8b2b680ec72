// The X-Faqbot-Signature header: sha256=<hex HMAC-SHA256 of the raw body>, as receivers verify it.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signBody, verifySignature } from "@/lib/webhooks/signature";
import { backoffMs } from "@/lib/webhooks/worker";
import { toWebhookEvent } from "@/lib/webhooks/events";

describe("webhook signatures", () => {
  it("is GitHub's sha256= HMAC of the raw body, checked in constant time", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const body = JSON.stringify({ id: "evt_1", event: "handoff.queued", data: { conversationId: "c1" } });
    const header = signBody(secret, body);
    expect(header).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, body + " ", header)).toBe(false);
    expect(verifySignature("whsec_other", body, header)).toBe(false);
    expect(verifySignature(secret, body, null)).toBe(false);
  });

  it("retries with exponential back-off", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("never sends internal notes, and names events as the public catalogue does", () => {
    const message = { id: "m1", seq: 3, role: "note" as const, text: "internal", clientMessageId: null, createdAt: new Date().toISOString() };
    expect(toWebhookEvent("message.created", { tenantId: "t", conversationId: "c", visitorId: "v", message })).toBeNull();
    expect(toWebhookEvent("message.created", { tenantId: "t", conversationId: "c", visitorId: "v", message: { ...message, role: "customer" } })?.event).toBe("message.created");
    expect(toWebhookEvent("rating.submitted", { tenantId: "t", conversationId: "c", score: 5 })).toEqual({ event: "rating.created", data: { conversationId: "c", score: 5 } });
    expect(toWebhookEvent("conversation.resolved", { tenantId: "t", conversationId: "c", visitorId: "v", agentId: "a" })?.event).toBe("handoff.resolved");
    expect(toWebhookEvent("reply.delta", { tenantId: "t", conversationId: "c", visitorId: "v", replyTo: "m", replyToClientId: null, text: "x" })).toBeNull();
  });
});

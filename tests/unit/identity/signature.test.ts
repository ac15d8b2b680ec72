// The identity signature the host site's backend computes: hex HMAC-SHA256 of the customer's id
// with the workspace's identity secret, compared in constant time.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { identitySignature, newIdentitySecret, signatureMatches } from "@/lib/identity/signature";

describe("identity signature", () => {
  const secret = newIdentitySecret();

  it("is the hex HMAC-SHA256 of the id, as the Settings snippet computes it", () => {
    expect(identitySignature(secret, "42")).toBe(createHmac("sha256", secret).update("42").digest("hex"));
    expect(signatureMatches(secret, "42", createHmac("sha256", secret).update("42").digest("hex"))).toBe(true);
    expect(signatureMatches(secret, "42", identitySignature(secret, "42").toUpperCase())).toBe(true);
  });

  it("refuses another id's signature, another secret's, a truncated or empty one", () => {
    const good = identitySignature(secret, "42");
    expect(signatureMatches(secret, "43", good)).toBe(false);
    expect(signatureMatches(newIdentitySecret(), "42", good)).toBe(false);
    expect(signatureMatches(secret, "42", good.slice(0, 63))).toBe(false);
    expect(signatureMatches(secret, "42", "")).toBe(false);
  });

  it("makes a new random secret each time", () => {
    expect(newIdentitySecret()).toMatch(/^fis_[0-9a-f]{64}$/);
    expect(newIdentitySecret()).not.toBe(newIdentitySecret());
  });
});

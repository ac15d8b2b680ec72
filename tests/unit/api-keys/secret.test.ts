import { describe, expect, it } from "vitest";
import { generateApiKey, parseApiKey, secretMatches } from "@/lib/api-keys/secret";
import { readScopes } from "@/lib/api-keys/scopes";

describe("API key secrets", () => {
  it("issues fbk_<prefix>_<secret> keys whose secret matches only its own hash", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^fbk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.prefix).not.toBe(b.prefix);
    const parsed = parseApiKey(a.key)!;
    expect(parsed.prefix).toBe(a.prefix);
    expect(secretMatches(parsed.secret, a.hash)).toBe(true);
    expect(secretMatches(parseApiKey(b.key)!.secret, a.hash)).toBe(false);
    expect(a.hash).not.toContain(parsed.secret);
  });

  it("rejects strings that are not keys", () => {
    expect(parseApiKey("fbk_short_x")).toBeNull();
    expect(parseApiKey("Bearer something")).toBeNull();
  });

  it("drops unknown scopes read from storage", () => {
    expect(readScopes(["faq:read", "admin:everything", 3])).toEqual(["faq:read"]);
    expect(readScopes("faq:read")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { assignKeys, normalizeQuestion, slugifyQuestion } from "@/lib/faq/keys";

describe("normalizeQuestion", () => {
  it("ignores case, accents, punctuation and spacing", () => {
    expect(normalizeQuestion("¿Cuánto  cuesta el ENVÍO?")).toBe(normalizeQuestion("cuanto cuesta el envio"));
    expect(normalizeQuestion("¡Año nuevo!")).toBe("ano nuevo");
    expect(normalizeQuestion("Where's my order?")).toBe("where s my order");
  });
});

describe("keys", () => {
  it("slugs questions to ASCII of at most 60 characters, cut between words", () => {
    expect(slugifyQuestion("¿Cuánto cuesta el envío a Canarias?")).toBe("cuanto-cuesta-el-envio-a-canarias");
    const long = slugifyQuestion("What happens if I am not at home when the courier tries to deliver my parcel?");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe("what-happens-if-i-am-not-at-home-when-the-courier-tries-to");
    expect(slugifyQuestion("送料はいくらですか")).toMatch(/^faq-[0-9a-f]{8}$/);
  });

  it("keeps the same key for the same question across uploads, whatever else changes", () => {
    const v1 = assignKeys([{ key: null, question: "How much is shipping?" }, { key: null, question: "Returns?" }]);
    const v2 = assignKeys([{ key: null, question: "Gift cards?" }, { key: null, question: "How much is shipping?" }]);
    expect(v2[1]).toBe(v1[0]);
  });

  it("makes keys unique with numeric suffixes and never takes an explicit key", () => {
    const keys = assignKeys([
      { key: null, question: "Shipping?" },
      { key: null, question: "Shipping!" },
      { key: "shipping-3", question: "Envío" },
      { key: null, question: "shipping" },
    ]);
    expect(keys).toEqual(["shipping", "shipping-2", "shipping-3", "shipping-4"]);
  });
});

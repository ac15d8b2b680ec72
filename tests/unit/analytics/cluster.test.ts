import { describe, expect, it } from "vitest";
import { clusterQuestions, jaccard, trigrams } from "@/lib/analytics/cluster";
import { daysBetween, mean, median } from "@/lib/analytics/stats";

describe("clusterQuestions", () => {
  it("groups spellings, accents and small typos of one question and keeps others apart", () => {
    const clusters = clusterQuestions([
      { text: "¿Cuánto cuesta el envío?", language: "es" },
      { text: "cuanto cuesta el envio", language: "es" },
      { text: "Cuanto cuesta el envio?", language: "es" },
      { text: "cuanto cuesta el envo", language: "es" },
      { text: "Do you ship to Canada?", language: "en" },
      { text: "do you ship to canada", language: "en" },
      { text: "Can I pay with PayPal?", language: "en" },
    ]);
    expect(clusters.map((c) => c.count)).toEqual([4, 2, 1]);
    expect(clusters[0]).toMatchObject({ language: "es" });
    expect(clusters[0]!.examples).toContain("¿Cuánto cuesta el envío?");
    expect(clusters[0]!.examples).toContain("cuanto cuesta el envo");
    expect(clusters[1]!.representative.toLowerCase()).toContain("ship to canada");
    expect(clusters[2]!.representative).toBe("Can I pay with PayPal?");
  });

  it("represents a group by its most frequent phrasing and limits examples", () => {
    const samples = [
      ...Array.from({ length: 3 }, () => ({ text: "where is my order" })),
      { text: "where is my order?" },
      { text: "where is my orders" },
    ];
    const [c] = clusterQuestions(samples, { maxExamples: 2 });
    expect(c!.count).toBe(5);
    expect(c!.representative).toBe("where is my order");
    expect(c!.examples).toHaveLength(2);
  });

  it("ignores empty and punctuation-only texts", () => {
    expect(clusterQuestions([{ text: "   " }, { text: "?!" }])).toEqual([]);
  });

  it("measures trigram similarity between 0 and 1", () => {
    expect(jaccard(trigrams("abc"), trigrams("abc"))).toBe(1);
    expect(jaccard(trigrams("refund policy"), trigrams("opening hours"))).toBeLessThan(0.2);
  });
});

describe("stats", () => {
  it("computes medians of odd and even counts and means", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 3, 5])).toBe(2.75);
  });

  it("lists UTC days of a range with an exclusive end", () => {
    expect(daysBetween(new Date("2025-01-30T00:00:00Z"), new Date("2025-02-02T00:00:00Z"))).toEqual(["2025-01-30", "2025-01-31", "2025-02-01"]);
  });
});

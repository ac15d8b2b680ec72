// What the full-text search looks for: the query's words (letters and digits only, so nothing the
// user types is index query syntax), lower-cased, without one-letter words, repeats or excess.
import { describe, expect, it } from "vitest";
import { searchWords } from "@/lib/conversations/search";

describe("searchWords", () => {
  it("keeps words of two or more letters, and any number", () => {
    expect(searchWords("Envío a CANARIAS, pedido 7!")).toEqual(["envío", "canarias", "pedido", "7"]);
  });

  it("drops index syntax and punctuation", () => {
    expect(searchWords('refund* OR "x" NEAR(a b) -- ;')).toEqual(["refund", "or", "near"]);
    expect(searchWords("!!")).toEqual([]);
  });

  it("drops repeats and keeps at most eight words", () => {
    expect(searchWords("jug jug JUG")).toEqual(["jug"]);
    expect(searchWords("one two three four five six seven eight nine ten")).toHaveLength(8);
  });
});

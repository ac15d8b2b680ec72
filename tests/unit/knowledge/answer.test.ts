// Retrieval and the answer gate: the right passage first, a quote trimmed to the sentences that
// answer, and no answer at all for questions the documents do not cover — with one article or
// many, in English and Spanish.
import { describe, expect, it } from "vitest";
import { KnowledgeIndex, type IndexedPassage } from "@/lib/knowledge/retrieve";
import { answerFromDocuments, quoteFor } from "@/lib/knowledge/answer";
import { splitSentences } from "@/lib/knowledge/sentences";
import { splitPassages } from "@/lib/knowledge/passages";

function index(docs: Array<{ id: string; title: string; text: string; language?: string }>): KnowledgeIndex {
  const passages: IndexedPassage[] = docs.flatMap((d) =>
    splitPassages(d.text).map((p) => ({ id: `${d.id}#${p.position}`, documentId: d.id, title: d.title, url: null, heading: p.heading, text: p.text, language: d.language ?? "en", position: p.position })),
  );
  return new KnowledgeIndex(passages);
}

const shop = index([
  { id: "wrap", title: "Gift wrapping", text: "# Gift wrapping\n\nWe can wrap any order in recycled paper. Gift wrapping costs $3.50 per parcel and you add it at checkout. The wrapped parcel ships the same day." },
  { id: "rent", title: "Renting gear", text: "# Renting gear\n\nRent tents, backpacks and sleeping bags from our stores.\n\n## Deposit\n\nWe hold a $100 deposit on your credit card. Debit cards are not accepted for the deposit." },
  { id: "club", title: "Trail Club", text: "# Trail Club\n\nTrail Club costs $30 a year. Members get free shipping on all orders and early access to sales." },
]);

describe("answering from documents", () => {
  it("answers from the right passage and quotes only the sentences that answer", () => {
    const a = answerFromDocuments(shop, "How much does gift wrapping cost?", { language: "en" });
    expect(a?.best.passage.documentId).toBe("wrap");
    expect(a?.quote).toContain("$3.50");
    expect(a?.quote).not.toContain("ships the same day");
    const deposit = answerFromDocuments(shop, "Are debit cards accepted for the deposit?", { language: "en" });
    expect(deposit?.best.passage.heading).toBe("Deposit");
    expect(deposit?.quote).toContain("Debit cards are not accepted");
  });

  it("declines questions the documents do not answer, even when some words match", () => {
    for (const q of ["Can I rent a kayak?", "Do you sell gift cards?", "Do you ship to Canada?", "Tell me a joke", "What is the capital of France?", "hello"]) {
      expect(answerFromDocuments(shop, q, { language: "en" }), q).toBeNull();
    }
  });

  it("answers from a single short article (a tenant's first upload)", () => {
    const one = index([{ id: "wrap", title: "Gift wrapping", text: "We wrap any order in recycled paper for $3.50. Add it at checkout." }]);
    expect(answerFromDocuments(one, "Do you offer gift wrapping?", { language: "en" })?.quote).toContain("$3.50");
    expect(answerFromDocuments(one, "Do you sell gift cards?", { language: "en" })).toBeNull();
  });

  it("answers Spanish questions from Spanish documents (stems, accents, lexicon concepts)", () => {
    const es = index([
      { id: "visita", title: "Tu primera visita", language: "es", text: "La primera visita es gratuita. Dura unos 30 minutos e incluye una radiografía." },
      { id: "urg", title: "Urgencias", language: "es", text: "Atendemos urgencias los sábados de 10 a 14 h. Llama al 600 123 456." },
    ]);
    expect(answerFromDocuments(es, "¿La primera visita es gratis?", { language: "es" })?.best.passage.documentId).toBe("visita");
    expect(answerFromDocuments(es, "¿Atendéis urgencias los sábados?", { language: "es" })?.quote).toContain("sábados de 10 a 14 h");
    expect(answerFromDocuments(es, "¿Hacéis endodoncias?", { language: "es" })).toBeNull();
  });

  it("keeps a list with the sentence that introduces it", () => {
    const p: IndexedPassage = { id: "p", documentId: "d", title: "Repairs", url: null, heading: "Prices", text: "Our repair prices:\n- Zipper replacement: $25\n- Seam sealing: $18\nAll repairs take ten days.", language: "en", position: 0 };
    const quote = quoteFor(p, new Map([["zipper", 2], ["replac", 1]]));
    expect(quote).toContain("Zipper replacement: $25");
  });

  it("splits sentences without breaking abbreviations or figures", () => {
    expect(splitSentences("Open 10 a.m. to 6 p.m. on weekdays. Prices start at $3.50. Call e.g. Mr. Smith.")).toEqual(["Open 10 a.m. to 6 p.m. on weekdays.", "Prices start at $3.50.", "Call e.g. Mr. Smith."]);
  });
});

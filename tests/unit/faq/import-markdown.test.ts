import { describe, expect, it } from "vitest";
import { entriesOf, errorsOf, upload, uploadFixture } from "./helpers";

describe("Markdown import", () => {
  it("reads the demo FAQ: categories, alternatives, lists and links, language comments", () => {
    const entries = entriesOf(uploadFixture("demo.md"));
    expect(entries).toHaveLength(16);
    expect(entries[0]).toEqual({
      key: "cuanto-cuesta-el-envio",
      question: "¿Cuánto cuesta el envío?",
      alternatives: ["¿Es gratis el envío?", "precio del envío", "gastos de envío"],
      answer: "El envío estándar cuesta 4,95 € en España peninsular.\nEs gratis en pedidos de más de 50 €.",
      category: "Envíos",
      language: "es",
    });
    const order = entries.find((e) => e.question === "Where is my order?")!;
    expect(order).toMatchObject({ language: "en", category: "Orders" });
    expect(order.answer).toBe(
      "You will find the tracking link:\n\n- in the shipping confirmation email, or\n- under [My orders](https://tienda.example/my-orders).",
    );
  });

  it("uses front matter language, per-entry key/lang comments, and ignores headings in code blocks", () => {
    const md = [
      "---", "language: es", "---",
      "## ¿Tenéis API?", "<!-- key: api -->", "<!-- lang: en -->", "> Also: Do you have an API?", "",
      "Yes:", "```", "## not a question", "```", "",
      "## Sin categoría", "Respuesta.",
    ].join("\n");
    const entries = entriesOf(upload("faq.md", md));
    expect(entries.map((e) => [e.key, e.language, e.category])).toEqual([["api", "en", null], ["sin-categoria", "es", null]]);
    expect(entries[0].answer).toBe("Yes:\n```\n## not a question\n```");
    expect(entries[0].alternatives).toEqual(["Do you have an API?"]);
  });

  it("keeps '> Also:' lines that come after the answer as answer text", () => {
    const [entry] = entriesOf(upload("faq.md", "## Q?\nAnswer.\n> Also: quoted\n"));
    expect(entry).toMatchObject({ alternatives: [], answer: "Answer.\n> Also: quoted" });
  });

  it("reports empty questions and answers at their heading lines", () => {
    const md = "# General\n\n## \nOrphan answer.\n\n## No answer here?\n\n## Fine?\nYes.\n";
    expect(errorsOf(upload("faq.md", md)).map((e) => [e.line, e.code])).toEqual([[3, "missing_question"], [6, "missing_answer"]]);
  });

  it("warns about text outside any question", () => {
    const result = upload("faq.md", "Intro paragraph.\n\n## Where is my order?\nIn the post.\n");
    expect(result.ok && result.warnings.map((w) => [w.line, w.code])).toEqual([[1, "ignored_content"]]);
  });

  it("reports duplicate questions across accents and case with both lines", () => {
    const md = "## ¿Cuánto cuesta el envío?\nA.\n\n## cuanto cuesta el ENVIO\nB.\n";
    const [error] = errorsOf(upload("faq.md", md));
    expect(error).toMatchObject({ line: 4, code: "duplicate_question" });
    expect(error.message).toContain("line 1");
  });
});

import { describe, expect, it } from "vitest";
import { entriesOf, errorsOf, expectMessagesNameTheirLines, linesAndCodes, upload, uploadFixture } from "./helpers";

describe("JSON import", () => {
  it("reads the demo FAQ and detects each entry's language from its text", () => {
    const entries = entriesOf(uploadFixture("demo.json"));
    expect(entries).toHaveLength(16);
    expect(entries.map((e) => e.language)).toEqual(Array.from({ length: 8 }, () => ["es", "en"]).flat());
    expect(entries[0]).toMatchObject({ key: "cuanto-cuesta-el-envio", category: "Envíos", alternatives: ["¿Es gratis el envío?", "precio del envío", "gastos de envío"] });
  });

  it("accepts a bare list, Spanish property names, numeric ids and a file-level language", () => {
    const bare = entriesOf(upload("faq.json", '[{"pregunta": "¿Hola?", "respuesta": "Hola.", "id": 7}]'));
    expect(bare[0]).toMatchObject({ key: "7", question: "¿Hola?", category: null });
    const withLanguage = entriesOf(upload("faq.json", '{"language": "pt", "entries": [{"question": "Ok?", "answer": "Ok."}]}'));
    expect(withLanguage[0].language).toBe("pt");
  });

  it("reports a syntax error with line and column and the likely fix", () => {
    const json = '{"entries": [\n  {"question": "A?", "answer": "a"}\n  {"question": "B?", "answer": "b"}\n]}';
    const [error] = errorsOf(upload("faq.json", json));
    expect(error).toMatchObject({ line: 3, code: "malformed" });
    expect(error.message).toBe('Line 3, column 3: JSON syntax error: expected "," or "]" after a list item but found "{"; a comma is probably missing.');
  });

  it("explains trailing commas and single quotes", () => {
    expect(errorsOf(upload("faq.json", '[{"question": "A?", "answer": "a",}\n]'))[0].message).toContain('remove the comma before "}"');
    expect(errorsOf(upload("faq.json", "[{'question': 'A?'}]"))[0].message).toContain("not single quotes");
  });

  it("reports wrong types, unknown fields and missing values with the line of each entry", () => {
    const json = [
      "[",
      '  {"question": "Good?", "answer": "Yes."},',
      '  {"question": 42, "answer": "Number question."},',
      '  {"question": "List?", "answer": "x", "alternatives": "not a list"},',
      "  {",
      '    "question": "Typo?",',
      '    "anwser": "Misspelt."',
      "  },",
      '  "just text",',
      '  {"question": "No answer?", "answer": "  "}',
      "]",
    ].join("\n");
    const errors = errorsOf(upload("faq.json", json));
    expect(errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [3, "invalid_field", "question"],
      [4, "invalid_field", "alternatives"],
      [5, "unknown_column", "anwser"],
      [5, "missing_answer", "answer"],
      [9, "invalid_field", undefined],
      [10, "missing_answer", "answer"],
    ]);
    expect(errors[2].message).toContain('Did you mean "answer"?');
    expectMessagesNameTheirLines(errors);
  });

  it("rejects JSON that is not a list of entries", () => {
    expect(linesAndCodes(upload("faq.json", '{"questions": []}'))).toEqual([[1, "malformed"]]);
  });
});

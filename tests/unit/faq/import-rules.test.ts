import { describe, expect, it } from "vitest";
import { parseFaqFile } from "@/lib/faq/import";
import { entriesOf, errorsOf, expectMessagesNameTheirLines, linesAndCodes, upload } from "./helpers";

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe("file-level checks", () => {
  it("rejects files over the size limit, empty files and whitespace-only files", () => {
    expect(linesAndCodes(upload("faq.csv", "question,answer\nA?,B.\n", { maxBytes: 10 }))).toEqual([[null, "file_too_large"]]);
    expect(errorsOf(upload("faq.csv", "x".repeat(2 * 1024 * 1024), { maxBytes: 1024 * 1024 }))[0].message).toContain("2.0 MB; the limit is 1.0 MB");
    expect(linesAndCodes(upload("faq.csv", ""))).toEqual([[null, "empty_file"]]);
    expect(linesAndCodes(upload("faq.md", "\uFEFF \n\n"))).toEqual([[null, "empty_file"]]);
    expect(linesAndCodes(upload("faq.csv", "question,answer\n\n"))).toEqual([[null, "empty_file"]]);
  });

  it("rejects spreadsheets and unknown formats with advice, and sniffs extensionless uploads", () => {
    const xlsx = errorsOf(upload("faq.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])));
    expect(xlsx[0].code).toBe("unsupported_format");
    expect(xlsx[0].message).toContain("CSV UTF-8");
    expect(errorsOf(upload("faq.pdf", "%PDF"))[0].code).toBe("unsupported_format");
    expect(upload("faq", '[{"question": "Where is my order?", "answer": "In the post."}]').format).toBe("json");
    const typed = parseFaqFile({ fileName: "upload", bytes: new TextEncoder().encode("## Where is my order?\nIn the post.\n"), contentType: "text/markdown; charset=utf-8" });
    expect(typed.format).toBe("markdown");
  });

  it("strips a UTF-8 BOM so the first header is recognised", () => {
    const entries = entriesOf(upload("faq.csv", "\uFEFFquestion,answer,language\nWhere is my order?,In the post.,en\n"));
    expect(entries[0].question).toBe("Where is my order?");
  });

  it("reports invalid UTF-8 (a Latin-1 export) with line and byte offset", () => {
    const bytes = latin1("pregunta;respuesta\n¿Cuánto cuesta?;4 €\n");
    const errors = errorsOf(upload("faq.csv", bytes));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, code: "bad_encoding" });
    expect(errors[0].message).toContain("byte 19 (0xBF)");
    expect(errors[0].message).toContain("UTF-8");
  });

  it("asks for UTF-8 when the file is UTF-16", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."question,answer"].flatMap((c) => [c.charCodeAt(0), 0])]);
    const [error] = errorsOf(upload("faq.csv", utf16));
    expect(error.code).toBe("bad_encoding");
    expect(error.message).toContain("Save the file as UTF-8");
  });
});

describe("entry rules", () => {
  it("reports several different errors in one file, sorted by line, and returns no entries", () => {
    const csv = [
      "question,answer,alternatives,language,key",
      "How much is shipping?,€4.95.,delivery fee,en,ship",
      ",Orphan answer.,,en,",
      "Where is my order?,In the post.,HOW MUCH IS SHIPPING,en,",
      "¿Qué horario tenéis?,De 9 a 18.,,klingon,",
      "Gift cards?,Yes.,,en,ship",
      "Returns?,30 days.,delivery fee,en,",
    ].join("\n");
    const result = upload("faq.csv", csv);
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, "missing_question"],
      [4, "duplicate_question"],
      [5, "unknown_language"],
      [6, "duplicate_key"],
      [7, "duplicate_question"],
    ]);
    expect(errors[1].message).toContain('the alternative "HOW MUCH IS SHIPPING" duplicates the question on line 2');
    expect(errors[4].message).toContain("an alternative of the question on line 2");
    expect(errors[2].message).toContain("es (Spanish), en (English)");
    expectMessagesNameTheirLines(errors);
  });

  it("allows the same heading in two languages (a bilingual FAQ's \"App\" or \"Wifi\"), not twice in one", () => {
    const bilingual = upload("faq.csv", "key;question;answer;language\napp;App;Our app shows it live.;en\napp-es;App;Nuestra app lo muestra en directo.;es\n");
    expect(bilingual.ok).toBe(true);
    const twice = upload("faq.csv", "key;question;answer;language\napp;App;Our app shows it live.;en\napp-2;app!;Download it.;en\n");
    expect(linesAndCodes(twice)).toEqual([[3, "duplicate_question"]]);
  });

  it("enforces answer, alternative-count and entry-count limits with the numbers", () => {
    const long = upload("faq.csv", `question,answer\nWhere is my order?,${"x".repeat(5001)}\n`);
    expect(errorsOf(long)[0].message).toBe("Line 2: the answer is 5001 characters long; the limit is 5000. Shorten it or split it into several questions.");
    const alternatives = Array.from({ length: 4 }, (_, i) => `variant ${i}`).join(" | ");
    expect(linesAndCodes(upload("faq.csv", `question,answer,alternatives\nQ one?,A.,${alternatives}\n`, { maxAlternatives: 3 }))).toEqual([[2, "too_many_alternatives"]]);
    const rows = Array.from({ length: 4 }, (_, i) => `Question number ${i}?,Answer ${i}.,en`).join("\n");
    const tooMany = errorsOf(upload("faq.csv", `question,answer,language\n${rows}\n`, { maxEntries: 3 }));
    expect(tooMany.map((e) => [e.line, e.code])).toEqual([[5, "too_many_entries"]]);
    expect(tooMany[0].message).toContain("4 entries; the limit is 3");
  });

  it("lists at most maxErrorsListed errors and says how many more there are", () => {
    const rows = Array.from({ length: 250 }, (_, i) => `Question ${i}?,`).join("\n");
    const errors = errorsOf(upload("faq.csv", `question,answer\n${rows}\n`));
    expect(errors).toHaveLength(201);
    expect(errors[199].line).toBe(201);
    expect(errors[200]).toMatchObject({ line: null, code: "too_many_errors" });
    expect(errors[200].message).toContain("and 50 more problems");
  });

  it("accepts language codes with regions and names, and falls back to the default with a warning", () => {
    const csv = "question,answer,language\nOne?,Uno.,es-ES\nTwo?,Dos.,Spanish\nThree?,Tres.,PT_br\n";
    expect(entriesOf(upload("faq.csv", csv)).map((e) => e.language)).toEqual(["es", "es", "pt"]);
    const unclear = upload("faq.csv", "question,answer\nIBAN?,ES12 3456.\n", { defaultLanguage: "es" });
    expect(unclear.ok && unclear.entries[0].language).toBe("es");
    expect(unclear.ok && unclear.warnings.map((w) => [w.line, w.code])).toEqual([[2, "language_assumed"]]);
  });

  it("drops an alternative that repeats its own question, with a warning", () => {
    const result = upload("faq.csv", "question,answer,alternatives,language\nWhere is my order?,In the post.,where is my ORDER | tracking,en\n");
    expect(result.ok && result.entries[0].alternatives).toEqual(["tracking"]);
    expect(result.ok && result.warnings[0].code).toBe("ignored_content");
  });
});

import { describe, expect, it } from "vitest";
import { entriesOf, errorsOf, expectMessagesNameTheirLines, linesAndCodes, upload, uploadFixture } from "./helpers";

describe("CSV import", () => {
  it("reads the demo FAQ: BOM, ';' delimiter, Spanish headers, accents and quoted newlines", () => {
    const entries = entriesOf(uploadFixture("demo.csv"));
    expect(entries).toHaveLength(16);
    expect(entries[0]).toEqual({
      key: "envio-precio",
      question: "¿Cuánto cuesta el envío?",
      alternatives: ["¿Es gratis el envío?", "precio del envío", "gastos de envío"],
      answer: "El envío estándar cuesta 4,95 € en España peninsular.\nEs gratis en pedidos de más de 50 €.",
      category: "Envíos",
      language: "es",
    });
    expect(entries[7].answer).toContain('1. Open "My orders".\n2. Click "Return"');
    expect(new Set(entries.map((e) => e.language))).toEqual(new Set(["es", "en"]));
  });

  it("accepts English headers in any order and case, comma delimiter, CRLF and blank rows", () => {
    const csv = "Answer,QUESTION,Category\r\n\r\nShipping costs €4.95.,How much is shipping?,Shipping\r\n,,\r\nWe open at 9.,When do you open?,\r\n";
    const entries = entriesOf(upload("faq.csv", csv));
    expect(entries.map((e) => [e.question, e.answer, e.category])).toEqual([
      ["How much is shipping?", "Shipping costs €4.95.", "Shipping"],
      ["When do you open?", "We open at 9.", null],
    ]);
  });

  it("understands Excel's sep= line and tab-separated files", () => {
    expect(entriesOf(upload("faq.csv", "sep=;\nquestion;answer\nA, B?;Yes, both.\n"))[0]).toMatchObject({ question: "A, B?", answer: "Yes, both." });
    expect(entriesOf(upload("faq.tsv", "question\tanswer\nWho are you?\tA shop.\n"))[0].answer).toBe("A shop.");
  });

  it("splits alternatives on '|' and keeps an escaped '\\|'", () => {
    const [entry] = entriesOf(upload("faq.csv", 'question,answer,alternatives\nHi?,Hello.,"hey | hello there | A \\| B"\n'));
    expect(entry.alternatives).toEqual(["hey", "hello there", "A | B"]);
  });

  it("reports the line where a multi-line row starts", () => {
    const csv = 'question,answer\n"Two\nline question?","Answer\nover\nlines"\nEmpty?,\n';
    expect(linesAndCodes(upload("faq.csv", csv))).toEqual([[6, "missing_answer"]]);
  });

  it("names an unknown header column, suggests the closest name and lists the accepted ones", () => {
    const errors = errorsOf(upload("faq.csv", "pregunta,respuesta,categoira\n¿Hola?,Hola.,General\n"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, code: "unknown_column", column: "categoira" });
    expect(errors[0].message).toContain('Did you mean "categoría"?');
    expect(errors[0].message).toContain("question (pregunta), answer (respuesta)");
  });

  it("reports a missing answer column, and explains when the header row is missing", () => {
    expect(linesAndCodes(upload("faq.csv", "question,category\nHi?,General\n"))).toEqual([[1, "missing_column"]]);
    const noHeader = errorsOf(upload("faq.csv", "¿Cuánto cuesta?,4 euros\n¿Dónde estáis?,En Madrid\n"));
    expect(noHeader.map((e) => e.code)).toEqual(["unknown_column", "unknown_column", "missing_column", "missing_column"]);
    expect(noHeader[2].message).toContain("The first row must be a header");
  });

  it("reports two columns meaning the same field", () => {
    expect(linesAndCodes(upload("faq.csv", "question,pregunta,answer\na,b,c\n"))).toEqual([[1, "duplicate_column"]]);
  });

  it("reports quote errors with their line and keeps checking the rows after them", () => {
    const csv = ['question,answer', 'Good?,Yes.', 'Bad quote?,"Our "Premium" plan"', 'Stray?,the "x" value', 'Later empty?,', ''].join("\n");
    const errors = errorsOf(upload("faq.csv", csv));
    expect(errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [3, "malformed", "answer"],
      [4, "malformed", "answer"],
      [5, "missing_answer", "answer"],
    ]);
    expect(errors[0].message).toContain('write each double quote twice');
  });

  it("reports a quote that is never closed at the row where it opens", () => {
    const errors = errorsOf(upload("faq.csv", 'question,answer\nOk?,Yes.\nOpen?,"never closed\nNext?,Fine.\n'));
    expect(errors[0]).toMatchObject({ line: 3, code: "malformed" });
    expect(errors[0].message).toContain("never closed");
  });

  // The dialogue FAQs' format (evals/dialogue/README.md): ";"-separated, quoted answers.
  const faqRows = (rows: string[]) => ["id;question;alternatives;answer;category;language", ...rows, ""].join("\n");

  it("says a quote opened on one line and never closed runs on into the next row, not that it has text after it", () => {
    const csv = faqRows([
      "hours;When do you open?;opening hours;We open at 9.;General;en",
      'change;Can I change teacher?;other teacher;"Yes, at no cost. Choose another one in My teacher.;Teachers;en',
      'cancel;Can I cancel?;cancel a class;"Yes, up to 24 hours before; later it counts as taken.";Classes;en',
      "empty;Is it empty?;;;General;en",
    ]);
    const errors = errorsOf(upload("faq.csv", csv));
    expect(errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [3, "malformed", "answer"],
      // The row after the unclosed quote is still checked.
      [5, "missing_answer", "answer"],
    ]);
    expect(errors[0].message).toBe(
      'Line 3, column "answer": this value starts with a double quote (") that is never closed, so the row runs on to line 4. ' +
        'Close it with a " at the end of the value; inside a quoted value write each double quote as "".',
    );
    expect(errors[0].message).not.toContain("text after its closing quote");
    expectMessagesNameTheirLines(errors);
  });

  it("says a quote that is still open when the file ends is never closed", () => {
    const lastRow = errorsOf(upload("faq.csv", faqRows([
      "hours;When do you open?;opening hours;We open at 9.;General;en",
      'change;Can I change teacher?;other teacher;"Yes, at no cost.;Teachers;en',
    ])));
    expect(lastRow.map((e) => [e.line, e.code, e.column])).toEqual([[3, "malformed", "answer"]]);
    expect(lastRow[0].message).toBe(
      'Line 3, column "answer": this value starts with a double quote (") that is never closed before the file ends. ' +
        'Close it with a " at the end of the value; inside a quoted value write each double quote as "".',
    );
    const swallowsTheRest = errorsOf(upload("faq.csv", faqRows([
      'change;Can I change teacher?;other teacher;"Yes, at no cost.;Teachers;en',
      "hours;When do you open?;opening hours;We open at 9.;General;en",
      "cancel;Can I cancel?;;Up to 24 hours before.;Classes;en",
    ])));
    expect(swallowsTheRest[0]).toMatchObject({ line: 2, code: "malformed", column: "answer" });
    expect(swallowsTheRest[0].message).toMatch(/^Line 2, column "answer": this value starts with a double quote \(\"\) that is never closed, so the row runs on to the end of the file \(line 4\)\. Close it with a " at the end/);
  });

  it("keeps 'text after its closing quote' for a closed quote followed by text, on one line or after a multi-line value", () => {
    const oneLine = errorsOf(upload("faq.csv", faqRows(['plan;Which plan?;;"Our "Premium" plan";Plans;en'])));
    expect(oneLine.map((e) => [e.line, e.code, e.column])).toEqual([[2, "malformed", "answer"]]);
    expect(oneLine[0].message).toBe(
      'Line 2, column "answer": a quoted value has text after its closing quote. ' +
        'Inside a quoted value write each double quote twice, e.g. "Our ""Premium"" plan".',
    );
    // A value may span lines on purpose: its inner quote is the problem, not a missing closing one.
    const multiLine = errorsOf(upload("faq.csv", faqRows(['return;How do I return it?;;"Steps:\n1. Open My orders, then\n2. Click "Return" there";Returns;en'])));
    expect(multiLine[0]).toMatchObject({ line: 2, code: "malformed", column: "answer" });
    expect(multiLine[0].message).toMatch(/^Line 2, column "answer" \(row ends on line 4\): a quoted value has text after its closing quote\./);
  });

  it("reports a row with more values than the header has columns", () => {
    const errors = errorsOf(upload("faq.csv", "question,answer\nPrice?,4,95 €\nTrailing?,Fine.,,\n"));
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, "malformed"]]);
    expect(errors[0].message).toContain("3 values but the header has 2 columns");
  });

  it("errors.csv: the unknown header column plus every row error, each with its line", () => {
    const errors = errorsOf(uploadFixture("errors.csv"));
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [1, "unknown_column"],
      [5, "missing_answer"],
      [7, "duplicate_question"],
    ]);
    expect(errors[0].message).toContain('"categry"');
    expect(errors[2].message).toContain("line 2");
    expectMessagesNameTheirLines(errors);
  });

  it("errors-rows.csv: missing answer, duplicate and too-long question, after a multi-line row", () => {
    const errors = errorsOf(uploadFixture("errors-rows.csv"));
    expect(errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [5, "missing_answer", "answer"],
      [7, "duplicate_question", "question"],
      [10, "too_long", "question"],
    ]);
    expect(errors[2].message).toMatch(/541 characters long; the limit is 500/);
    expectMessagesNameTheirLines(errors);
  });

  it("corrected.csv is accepted and includes the new gift card entries", () => {
    const entries = entriesOf(uploadFixture("corrected.csv"));
    expect(entries).toHaveLength(8);
    expect(entries.slice(-2).map((e) => [e.key, e.language, e.category])).toEqual([
      ["do-you-sell-gift-cards", "en", "Gift cards"],
      ["vendeis-tarjetas-regalo", "es", "Tarjetas regalo"],
    ]);
  });
});

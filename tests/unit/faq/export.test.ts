import { describe, expect, it } from "vitest";
import { faqToCsv, faqToJson, faqToMarkdown } from "@/lib/faq/export";
import type { FaqEntryInput } from "@/lib/faq/import";
import { entriesOf, upload, uploadFixture } from "./helpers";

const tricky: FaqEntryInput[] = [
  { key: "no-category", question: "Is it \"free\", really?", alternatives: ["A | B option", "free?"], answer: "Yes; always.\n\n- one, two\n- \"three\"", category: null, language: "en" },
  { key: "codigo", question: "¿Cómo uso un código?", alternatives: [], answer: "Escríbelo así:\n\n```\n## CODE-123\n```\n\n### Nota\nCaduca.", category: "Pagos", language: "es" },
  { key: "heading-answer", question: "Headings?", alternatives: [], answer: "Intro\n## Looks like a question\nEnd", category: "Pagos", language: "en" },
];

describe("export", () => {
  it.each([
    ["demo.csv"], ["demo.json"], ["demo.md"], ["corrected.csv"],
  ])("%s round-trips through CSV (both delimiters, with BOM), JSON and Markdown", (fixture) => {
    const entries = entriesOf(uploadFixture(fixture));
    expect(entriesOf(upload("export.csv", faqToCsv(entries)))).toEqual(entries);
    expect(entriesOf(upload("export.csv", faqToCsv(entries, { delimiter: ";", bom: true })))).toEqual(entries);
    expect(entriesOf(upload("export.json", faqToJson(entries)))).toEqual(entries);
    expect(entriesOf(upload("export.md", faqToMarkdown(entries)))).toEqual(entries);
  });

  it("round-trips quotes, delimiters, pipes and code blocks", () => {
    expect(entriesOf(upload("export.csv", faqToCsv(tricky)))).toEqual(tricky);
    expect(entriesOf(upload("export.json", faqToJson(tricky)))).toEqual(tricky);
    const markdown = entriesOf(upload("export.md", faqToMarkdown(tricky)));
    expect(markdown.slice(0, 2)).toEqual(tricky.slice(0, 2));
    // A level-2 heading inside an answer is escaped so it stays in the answer.
    expect(markdown[2].answer).toBe("Intro\n\\## Looks like a question\nEnd");
  });

  it("writes a CSV header Excel users recognise and a BOM only when asked", () => {
    const csv = faqToCsv(tricky.slice(0, 1));
    expect(csv.split("\r\n")[0]).toBe("question,answer,alternatives,category,language,key");
    expect(csv.startsWith("\uFEFF")).toBe(false);
    expect(faqToCsv(tricky, { bom: true }).startsWith("\uFEFF")).toBe(true);
  });

  it("writes cells that a spreadsheet would run as a formula with a leading apostrophe, and reads them back", () => {
    const risky: FaqEntryInput[] = [
      { key: "formula", question: "=HYPERLINK(\"https://evil.example\",\"Click\")", alternatives: ["+1 555 0100", "@SUM(A1:A2)"], answer: "-2+3 is one", category: "=cmd|' /C calc'!A0", language: "en" },
      { key: "plain", question: "Is a-b fine?", alternatives: [], answer: "Yes, a minus inside is fine.", category: null, language: "en" },
    ];
    const csv = faqToCsv(risky);
    const cells = csv.split("\r\n")[1]!;
    expect(cells).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    expect(cells).toContain("'-2+3 is one");
    expect(cells).toContain("'+1 555 0100 | @SUM(A1:A2)");
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    // No cell of the file starts with a formula character.
    for (const line of csv.split("\r\n").slice(1)) for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv.split("\r\n")[2]).toContain("Is a-b fine?");
    expect(entriesOf(upload("export.csv", csv))).toEqual(risky);
    expect(entriesOf(upload("export.csv", faqToCsv(risky, { delimiter: ";", bom: true })))).toEqual(risky);
  });
});

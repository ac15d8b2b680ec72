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
});

// An upload's problems are listed with where (line or entry) once: the message's own "Line 6:"
// becomes the label instead of a second one next to it (lib/faq/import messages are unchanged).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lineErrorParts } from "@/lib/admin/line-error";
import { LineErrorList } from "@/components/admin/ui";

describe("line errors", () => {
  it("takes the message's own line as the label", () => {
    expect(lineErrorParts({ line: 6, message: 'Line 6: the question "How do I return an item?" has no answer. Write its answer, or delete the entry.' })).toEqual({
      where: "Line 6",
      what: 'the question "How do I return an item?" has no answer. Write its answer, or delete the entry.',
    });
    expect(lineErrorParts({ line: 3, message: "Entry 3: the answer is empty." }, "entry")).toEqual({ where: "Entry 3", what: "the answer is empty." });
  });

  it("keeps a column the message names with its line", () => {
    expect(lineErrorParts({ line: 4, message: 'Line 4, column "answer" (row ends on line 6): a quoted value has text after its closing quote.' })).toEqual({
      where: 'Line 4, column "answer" (row ends on line 6)',
      what: "a quoted value has text after its closing quote.",
    });
    expect(lineErrorParts({ line: 3, message: "Line 3, column 5: JSON syntax error: unexpected token." })).toEqual({ where: "Line 3, column 5", what: "JSON syntax error: unexpected token." });
  });

  it("adds the line when the message does not start with it, and says file for the whole file", () => {
    expect(lineErrorParts({ line: 9, message: "the file ends inside a list" })).toEqual({ where: "Line 9", what: "the file ends inside a list" });
    expect(lineErrorParts({ line: 9, message: "Line 2: something else" })).toEqual({ where: "Line 9", what: "Line 2: something else" });
    expect(lineErrorParts({ line: null, message: "The file is empty." })).toEqual({ where: "File", what: "The file is empty." });
    expect(lineErrorParts({ line: null, message: "An FAQ needs at least one entry." }, "entry")).toEqual({ where: "All entries", what: "An FAQ needs at least one entry." });
  });

  it("renders each problem with its line once", () => {
    const html = renderToStaticMarkup(
      createElement(LineErrorList, { errors: [{ line: 6, column: "answer", code: "missing_answer", message: 'Line 6: the question "Where?" has no answer.' }] }),
    );
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toBe('Line 6: the question &quot;Where?&quot; has no answer.');
    expect(text.match(/line 6/gi)).toHaveLength(1);
    expect(html).toContain('data-line="6"');
  });
});

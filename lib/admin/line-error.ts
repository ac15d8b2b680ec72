// How the admin console lists a file's problems: where (line or entry) in a column of its own,
// then what. The messages (lib/faq/import, lib/faq/edit) already start with where ("Line 6: …",
// "Entry 3: …") so they read on their own in the API; the list takes that prefix as the label
// instead of adding a second one, with any column it names ("Line 4, column "answer"").
export interface LineErrorParts {
  /** "Line 6", "Line 4, column 7", "Entry 3", "File" (no line), "All entries". */
  where: string;
  /** The message without its where-prefix ("the question … has no answer"). */
  what: string;
}

export function lineErrorParts(e: { line: number | null; message: string }, unit: "line" | "entry" = "line"): LineErrorParts {
  // "Line 6: …", "Line 4, column "answer" (row ends on line 6): …", "Line 3, column 5: …".
  const m = /^(Line|Entry) (\d+)((?:, column (?:"[^"]{0,80}"|\d+))?(?: \(row ends on line \d+\))?):\s*/.exec(e.message);
  if (m && (e.line === null || Number(m[2]) === e.line)) return { where: `${m[1]} ${m[2]}${m[3]}`, what: e.message.slice(m[0].length) };
  if (e.line === null) return { where: unit === "line" ? "File" : "All entries", what: e.message };
  return { where: `${unit === "line" ? "Line" : "Entry"} ${e.line}`, what: e.message };
}

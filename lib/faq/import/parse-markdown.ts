// Owns reading FAQ Markdown files:
//   optional front matter (---\nlanguage: es\n---), "# Category" headings, "## Question" headings,
//   then right under a question: optional <!-- key: … --> / <!-- lang: … --> comments and
//   "> Also: other phrasing" lines; everything else up to the next #/## heading is the answer.
// Headings inside fenced code blocks are answer text. A <!-- lang: … --> comment anywhere else
// sets the language of all following entries.
import type { FaqImportError, ParsedFile, RawEntry } from "./types";

const HEADING = /^ {0,3}(#{1,2})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT = /^\s*<!--\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*-->\s*$/;
const ALSO = /^\s*>\s*(?:also|también|tambien)\s*:\s*(.*)$/i;
const LANGUAGE_NAMES = new Set(["lang", "language", "idioma"]);
const KEY_NAMES = new Set(["key", "id", "clave"]);

interface OpenEntry {
  entry: RawEntry;
  body: string[];
  /** Still in the part right under the heading where key/lang comments and "> Also:" lines belong. */
  inPreamble: boolean;
}

export function parseMarkdown(text: string): ParsedFile {
  const lines = text.split("\n");
  const errors: FaqImportError[] = [];
  const warnings: FaqImportError[] = [];
  const entries: RawEntry[] = [];
  let fileLanguage: ParsedFile["fileLanguage"] = null;
  let i = 0;

  if (lines[0]?.trim() === "---") {
    const close = lines.findIndex((l, n) => n > 0 && (l.trim() === "---" || l.trim() === "..."));
    if (close < 0) {
      errors.push({ line: 1, code: "malformed", message: 'Line 1: the front matter opened with "---" is never closed. Add a "---" line after it.' });
      return { entries, errors, warnings };
    }
    for (let n = 1; n < close; n++) {
      const match = /^\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*$/.exec(lines[n]);
      if (match && LANGUAGE_NAMES.has(match[1].toLowerCase())) fileLanguage = { value: match[2].replace(/^["']|["']$/g, ""), line: n + 1 };
      else if (lines[n].trim()) warnings.push({ line: n + 1, code: "ignored_content", message: `Line ${n + 1}: only "language" is read from the front matter; this line is ignored.` });
    }
    i = close + 1;
  }

  let category: string | null = null;
  let runningLanguage: string | null = null;
  let open: OpenEntry | null = null;
  let fence: string | null = null;
  let strayReported = false;

  const close = () => {
    if (!open) return;
    open.entry.answer = open.body.join("\n").trim();
    entries.push(open.entry);
    open = null;
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (fence) {
      if (line.trim().startsWith(fence)) fence = null;
      if (open) open.body.push(line);
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    const heading = fenceMatch ? null : HEADING.exec(line);
    if (heading) {
      close();
      strayReported = false;
      const title = (heading[2] ?? "").trim();
      if (heading[1] === "#") {
        category = title || null;
        continue;
      }
      const language = runningLanguage;
      open = {
        entry: { line: lineNo, question: title, answer: "", alternatives: [], category, language, key: null },
        body: [],
        inPreamble: true,
      };
      continue;
    }
    const comment = COMMENT.exec(line);
    const name = comment?.[1].toLowerCase();
    if (comment && name && LANGUAGE_NAMES.has(name)) {
      if (open && open.inPreamble) open.entry.language = comment[2];
      else runningLanguage = comment[2];
      continue;
    }
    if (comment && name && KEY_NAMES.has(name)) {
      if (open && open.inPreamble) open.entry.key = comment[2] || null;
      else errors.push({ line: lineNo, code: "invalid_field", column: "key", message: `Line ${lineNo}: a <!-- key: … --> comment must come right after its "## question" heading, before the answer. Move it up.` });
      continue;
    }
    if (!open) {
      if (line.trim() && !strayReported) {
        strayReported = true;
        warnings.push({
          line: lineNo, code: "ignored_content",
          message: `Line ${lineNo}: text that is not under a "## question" heading is ignored. Start each entry with "## " followed by the question.`,
        });
      }
      if (fenceMatch) fence = fenceMatch[1][0].repeat(3);
      continue;
    }
    if (open.inPreamble) {
      const also = ALSO.exec(line);
      if (also) {
        if (also[1].trim()) open.entry.alternatives!.push(also[1].trim());
        continue;
      }
      if (line.trim() === "") continue;
      open.inPreamble = false;
    }
    if (fenceMatch) fence = fenceMatch[1][0].repeat(3);
    open.body.push(line);
  }
  close();
  if (entries.length === 0 && errors.length === 0) {
    errors.push({
      line: null, code: "empty_file",
      message: 'The Markdown has no entries. Write each question as a "## " heading with its answer below it.',
    });
  }
  return { entries, errors, warnings, fileLanguage };
}

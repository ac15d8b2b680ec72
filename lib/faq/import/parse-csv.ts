// Owns reading FAQ CSV files: delimiter detection (",", ";" from Spanish Excel, tab), the header
// row and its column names, and the physical line each row starts on. csv-parse does the quoting;
// after a quote error we resume on the next line so one bad row does not hide the others.
import { parse, CsvError } from "csv-parse/sync";
import { fieldForName, unknownFieldMessage, acceptedFieldsText } from "./fields";
import type { FaqField, FaqImportError, ParsedFile, RawEntry } from "./types";

interface CsvRecord {
  line: number;
  fields: string[];
}

const MAX_QUOTE_ERRORS = 100;
const DELIMITERS = [",", ";", "\t"] as const;

function isBlankLine(line: string): boolean {
  return /^[\s,;\t]*$/.test(line);
}

/** The delimiter used most often outside quotes in the header line; "," when there is none. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Undoes the export's formula guard (lib/faq/export.ts): "'=x" → "=x". */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1).trim() : value;
}

/** "a | b \| c" → ["a", "b | c"]: alternatives share one cell, separated by "|" ("\|" for a literal bar). */
export function splitAlternatives(cell: string): string[] {
  return cell
    .split(/(?<!\\)\|/)
    .map((part) => part.replace(/\\\|/g, "|").trim())
    .filter((part) => part.length > 0);
}

const UNCLOSED_FIX = `Close it with a " at the end of the value; inside a quoted value write each double quote as "".`;

/** A quote opened on line `start` and never closed: the last line the row swallowed, and whether that is the end of the file. */
interface RunOn {
  line: number;
  endOfFile: boolean;
}

function quoteErrorMessage(error: CsvError, start: number, end: number, column: string, runOn: RunOn | null): string {
  const where = `Line ${start}${column ? `, column "${column}"` : ""}`;
  if (runOn) {
    const reach =
      runOn.line <= start ? " before the file ends"
      : runOn.endOfFile ? `, so the row runs on to the end of the file (line ${runOn.line})`
      : `, so the row runs on to line ${runOn.line}`;
    return `${where}: this value starts with a double quote (") that is never closed${reach}. ${UNCLOSED_FIX}`;
  }
  switch (error.code) {
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return (
        `${where}${end !== start ? ` (row ends on line ${end})` : ""}: a quoted value has text after its closing quote. ` +
        `Inside a quoted value write each double quote twice, e.g. "Our ""Premium"" plan".`
      );
    case "INVALID_OPENING_QUOTE":
      return (
        `${where}: a double quote (") appears in the middle of a value that does not start with one. ` +
        `Wrap the whole value in double quotes and write the inner quote twice, e.g. "Our ""Premium"" plan".`
      );
    default:
      return `${where}: this row cannot be read as CSV. Check its quotes and delimiters.`;
  }
}

/** 0-based index of the first non-blank line at or after `index`, or -1. */
function nextNonBlank(lines: string[], index: number): number {
  for (let i = index; i < lines.length; i++) if (lines[i].trim() !== "") return i;
  return -1;
}

/**
 * Whether "text after its closing quote" on line `end` of a row that started on line `start` is
 * really a quote opened on `start` and never closed. A quoted value may span lines on purpose, so
 * this needs evidence that the run-on swallowed the next row: either the quote csv-parse took as
 * closing starts a value (it follows the delimiter), so it is a later row's opening quote; or the
 * line after `start` reads on its own as a row with every column of a header of three or more
 * (with two columns one comma in a sentence would look like a row).
 */
function looksUnclosed(lines: string[], start: number, end: number, delimiter: string, header: string[] | null): boolean {
  const next = nextNonBlank(lines, start);
  if (next < 0 || next + 1 > end) return false;
  if (header && header.length >= 3) {
    try {
      const rows = parse(lines[next], { delimiter, trim: true, relax_column_count: true }) as string[][];
      if (rows.length === 1 && rows[0].length === header.length) return true;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
    }
  }
  // The first lone quote on line `end` is where csv-parse closed the value ("" is an escaped quote).
  const last = lines[end - 1] ?? "";
  for (let i = 0; i < last.length; i++) {
    if (last[i] !== '"') continue;
    if (last[i + 1] === '"') { i++; continue; }
    return last.slice(0, i).replace(/ +$/, "").endsWith(delimiter); // not trimEnd: the delimiter may be a tab
  }
  return false;
}

/** All records with their starting lines, resuming after quote errors. `lines` are the file's physical lines. */
function readRecords(lines: string[], firstIndex: number, delimiter: string, header: string[] | null) {
  const records: CsvRecord[] = [];
  const errors: FaqImportError[] = [];
  let from = firstIndex; // 0-based index of the first line of the current attempt
  while (from < lines.length) {
    // Each resume re-reads the rest of the file; past this many bad rows the admin has enough to fix.
    if (errors.length >= MAX_QUOTE_ERRORS) {
      errors.push({
        line: from + 1, code: "malformed",
        message: `Line ${from + 1}: stopped checking the file here after ${MAX_QUOTE_ERRORS} rows with quote problems. Fix those and upload it again.`,
      });
      break;
    }
    let previousEnd = from; // 1-based line number of the last line already consumed
    const firstStartAfter = (endLine: number) => {
      let i = endLine; // index of the line after endLine
      while (i < lines.length && lines[i].trim() === "") i++;
      return i + 1;
    };
    try {
      parse(lines.slice(from).join("\n"), {
        delimiter,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        on_record: (record: string[], context) => {
          const end = from + context.lines;
          records.push({ line: firstStartAfter(previousEnd), fields: record });
          previousEnd = end;
          return null;
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const start = firstStartAfter(previousEnd);
      const end = from + (typeof error.lines === "number" ? error.lines : 0);
      const index = typeof error.index === "number" ? error.index : -1;
      const column = header?.[index] ?? "";
      let runOn: RunOn | null = null;
      if (error.code === "CSV_QUOTE_NOT_CLOSED") {
        let last = lines.length;
        while (last > start && lines[last - 1].trim() === "") last--;
        runOn = { line: last, endOfFile: true };
      } else if (
        (error.code === "CSV_INVALID_CLOSING_QUOTE" || error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") &&
        end > start && looksUnclosed(lines, start, end, delimiter, header)
      ) {
        runOn = { line: end, endOfFile: false };
      }
      errors.push({ line: start, column: column || undefined, code: "malformed", message: quoteErrorMessage(error, start, end, column, runOn) });
      // An unclosed quote swallows the rows after it; resume right after the row's first line.
      const resumeAfter = runOn || end < start ? start : end;
      from = resumeAfter; // index of the line after 1-based `resumeAfter`
    }
  }
  return { records, errors };
}

export function parseCsv(text: string): ParsedFile {
  const lines = text.split("\n");
  const errors: FaqImportError[] = [];
  let headerIndex = lines.findIndex((l) => !isBlankLine(l));
  let delimiter: string | null = null;
  const sep = /^sep=(.)\s*$/i.exec(lines[headerIndex] ?? "");
  if (sep) {
    delimiter = sep[1];
    headerIndex = lines.findIndex((l, i) => i > headerIndex && !isBlankLine(l));
  }
  if (headerIndex < 0) {
    return { entries: [], warnings: [], errors: [{ line: null, code: "empty_file", message: "The file has no rows. Add a header row and at least one question and answer." }] };
  }
  delimiter ??= detectDelimiter(lines[headerIndex]);

  const headerRead = readRecords(lines.slice(0, headerIndex + 1), headerIndex, delimiter, null);
  const headerRecord = headerRead.records[0];
  if (!headerRecord || headerRead.errors.length > 0) {
    return { entries: [], warnings: [], errors: headerRead.errors.slice(0, 1) };
  }
  const headerLine = headerRecord.line;
  const header = headerRecord.fields.map((h) => h.trim());
  const columnOf: Partial<Record<FaqField, number>> = {};
  const unnamed: number[] = [];
  header.forEach((name, index) => {
    if (name === "") return void unnamed.push(index);
    const field = fieldForName(name);
    if (!field) {
      errors.push({ line: headerLine, column: name, code: "unknown_column", message: unknownFieldMessage(name, `Line ${headerLine}`, "column") });
    } else if (columnOf[field] !== undefined) {
      const first = header[columnOf[field]!];
      errors.push({
        line: headerLine, column: name, code: "duplicate_column",
        message: `Line ${headerLine}: columns "${first}" and "${name}" both mean "${field}". Keep only one of them.`,
      });
    } else columnOf[field] = index;
  });
  const recognised = Object.keys(columnOf).length;
  for (const field of ["question", "answer"] as const) {
    if (columnOf[field] !== undefined) continue;
    const spanish = field === "question" ? "pregunta" : "respuesta";
    const noHeader = recognised === 0
      ? ` The first row must be a header naming the columns (${acceptedFieldsText()}); it reads "${header.slice(0, 3).join(`${delimiter} `)}".`
      : "";
    errors.push({
      line: headerLine, column: field, code: "missing_column",
      message: `Line ${headerLine}: there is no "${field}" column (or "${spanish}").${noHeader} Add a "${field}" column to the header row.`,
    });
  }

  // Data rows: parse again from the line after the header so header quote errors cannot recur.
  const body = readRecords(lines, headerLine, delimiter, header);
  errors.push(...body.errors);
  const entries: RawEntry[] = [];
  const reportedUnnamed = new Set<number>();
  const fieldNames: Partial<Record<FaqField, string>> = {};
  for (const [field, index] of Object.entries(columnOf)) fieldNames[field as FaqField] = header[index];

  for (const { line, fields } of body.records) {
    if (fields.every((f) => f.trim() === "")) continue;
    const extra = fields.slice(header.length);
    if (extra.some((f) => f.trim() !== "")) {
      errors.push({
        line, code: "malformed",
        message:
          `Line ${line}: this row has ${fields.length} values but the header has ${header.length} columns. ` +
          `Wrap any value that contains "${delimiter === "\t" ? "tab" : delimiter}" in double quotes.`,
      });
      continue;
    }
    for (const index of unnamed) {
      if ((fields[index] ?? "").trim() === "" || reportedUnnamed.has(index)) continue;
      reportedUnnamed.add(index);
      errors.push({
        line, code: "unknown_column",
        message: `Line ${line}: column ${index + 1} has a value but no name in the header row. Name the column (${acceptedFieldsText()}) or delete its values.`,
      });
    }
    const cell = (field: FaqField) => (columnOf[field] === undefined ? undefined : unescapeFormula((fields[columnOf[field]!] ?? "").trim()));
    const optional = (field: FaqField) => {
      const value = cell(field);
      return value === undefined || value === "" ? null : value;
    };
    const alternatives = cell("alternatives");
    entries.push({
      line,
      question: cell("question"),
      answer: cell("answer"),
      alternatives: alternatives === undefined ? [] : splitAlternatives(alternatives),
      category: optional("category"),
      language: optional("language"),
      key: optional("key"),
      fieldNames,
    });
  }
  if (entries.length === 0 && errors.length === 0) {
    errors.push({ line: null, code: "empty_file", message: "The file has a header row but no entries. Add at least one question and answer below the header." });
  }
  return { entries, errors, warnings: [] };
}

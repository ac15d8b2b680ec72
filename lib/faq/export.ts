// Owns writing a tenant's FAQ back out as CSV, JSON or Markdown in exactly the formats
// lib/faq/import reads (docs/faq-format.md), so download → edit → upload keeps keys and languages.
import type { FaqEntryInput } from "./import/types";

const CSV_COLUMNS = ["question", "answer", "alternatives", "category", "language", "key"] as const;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such cells
// are written with a leading apostrophe, as OWASP recommends; the importer takes it off again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(raw: string, delimiter: string): string {
  const value = formulaSafe(raw);
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV with a header row. Alternatives share one cell separated by " | " (a literal "|" is written
 * "\|"). Pass `bom: true` for downloads meant for Excel, which otherwise misreads UTF-8 accents;
 * `delimiter: ";"` suits Excel set to a Spanish locale.
 */
export function faqToCsv(entries: readonly FaqEntryInput[], options: { delimiter?: "," | ";"; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ",";
  const rows = entries.map((entry) => {
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      question: entry.question,
      answer: entry.answer,
      alternatives: entry.alternatives.map((a) => a.replace(/\|/g, "\\|")).join(" | "),
      category: entry.category ?? "",
      language: entry.language,
      key: entry.key,
    };
    return CSV_COLUMNS.map((column) => csvCell(values[column], delimiter)).join(delimiter);
  });
  return (options.bom ? "\uFEFF" : "") + [CSV_COLUMNS.join(delimiter), ...rows].join("\r\n") + "\r\n";
}

export function faqToJson(entries: readonly FaqEntryInput[]): string {
  const list = entries.map(({ key, question, alternatives, answer, category, language }) => ({
    key, question, alternatives, answer, category, language,
  }));
  return JSON.stringify({ entries: list }, null, 2) + "\n";
}

// Lines that the Markdown reader would take as structure rather than answer text.
function escapeAnswer(answer: string): string {
  let fence: string | null = null;
  return answer
    .split("\n")
    .map((line) => {
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (line.trim().startsWith(fence)) fence = null;
        return line;
      }
      if (fenceMatch) {
        fence = fenceMatch[1][0].repeat(3);
        return line;
      }
      return /^ {0,3}#{1,2}(\s|$)/.test(line) ? line.replace("#", "\\#") : line;
    })
    .join("\n");
}

/**
 * Markdown in entry order: a "# Category" heading whenever the category changes (a bare "#" when it
 * changes back to none). A single-language FAQ declares its language once in front matter.
 */
export function faqToMarkdown(entries: readonly FaqEntryInput[]): string {
  const languages = new Set(entries.map((e) => e.language));
  const single = languages.size === 1 ? [...languages][0] : null;
  const out: string[] = [];
  if (single) out.push("---", `language: ${single}`, "---", "");
  let category: string | null = null;
  for (const entry of entries) {
    if (entry.category !== category) {
      category = entry.category;
      out.push(category === null ? "#" : `# ${category}`, "");
    }
    out.push(`## ${entry.question}`, `<!-- key: ${entry.key} -->`);
    if (!single) out.push(`<!-- lang: ${entry.language} -->`);
    for (const alternative of entry.alternatives) out.push(`> Also: ${alternative}`);
    out.push("", escapeAnswer(entry.answer), "");
  }
  return out.join("\n");
}

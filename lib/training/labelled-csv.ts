// Reads `text,label` CSV files (eval CLI, FAQ imports) with clear errors for malformed input.
import { parse } from "csv-parse/sync";
import { TrainingError } from "./errors";
import type { FaqExample } from "./types";

export function parseLabelledCsv(content: string, source = "CSV", columns = { text: "text", label: "label" }): FaqExample[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, bom: true, trim: true, relax_column_count: false });
  } catch (err) {
    throw new TrainingError("invalid_input", `${source} is not valid CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (rows.length === 0) throw new TrainingError("empty_input", `${source} has no data rows`);
  for (const col of [columns.text, columns.label]) {
    if (!(col in rows[0])) {
      throw new TrainingError("invalid_input", `${source} needs a "${col}" column (found: ${Object.keys(rows[0]).join(", ")})`);
    }
  }
  return rows.map((r, i) => {
    const text = r[columns.text];
    const label = r[columns.label];
    if (!label) throw new TrainingError("invalid_input", `${source} row ${i + 2} has an empty ${columns.label}`);
    return { text, label };
  });
}

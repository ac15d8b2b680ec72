// Owns reading FAQ JSON files: a list of entries or {"entries": [...], "language"?: "es"}, each
// entry an object whose property types are checked with zod and reported with the entry's line.
import { z } from "zod";
import { fieldForName, unknownFieldMessage } from "./fields";
import { JsonSyntaxError, readJson } from "./json-reader";
import type { FaqField, FaqImportError, ParsedFile, RawEntry } from "./types";

const ZText = z.string().nullable();
const ZAlternatives = z.array(z.string()).nullable();
const ZKey = z.union([z.string(), z.number().int()]).nullable();

const EXAMPLE = '{"question": "How much is shipping?", "answer": "Shipping costs €4.95."}';

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

function invalid(line: number, name: string, expected: string, value: unknown): FaqImportError {
  return {
    line, column: name, code: "invalid_field",
    message: `Line ${line}: "${name}" must be ${expected}, but it is ${typeName(value)}. Fix its value.`,
  };
}

const ROOT_KEYS = new Set(["entries", "language"]);

export function parseJson(text: string): ParsedFile {
  const errors: FaqImportError[] = [];
  const warnings: FaqImportError[] = [];
  let read;
  try {
    read = readJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const message = `Line ${error.line}, column ${error.column}: JSON syntax error: ${error.message}.`;
      return { entries: [], warnings, errors: [{ line: error.line, code: "malformed", message }] };
    }
    if (error instanceof RangeError) {
      return { entries: [], warnings, errors: [{ line: null, code: "malformed", message: "The JSON is nested too deeply to read. Use a flat list of entries." }] };
    }
    throw error;
  }
  const { value: root, lines, itemLines } = read;
  let list: unknown[] | null = null;
  let fileLanguage: ParsedFile["fileLanguage"] = null;
  if (Array.isArray(root)) list = root;
  else if (root && typeof root === "object") {
    const object = root as Record<string, unknown>;
    const rootLine = lines.get(object) ?? 1;
    if (Array.isArray(object.entries)) list = object.entries;
    if (typeof object.language === "string") fileLanguage = { value: object.language, line: rootLine };
    else if (object.language !== undefined && object.language !== null) errors.push(invalid(rootLine, "language", 'a language code such as "es"', object.language));
    for (const key of Object.keys(object)) {
      if (ROOT_KEYS.has(key)) continue;
      warnings.push({ line: rootLine, column: key, code: "ignored_content", message: `Line ${rootLine}: the top-level property "${key}" is ignored; only "entries" and "language" are read.` });
    }
  }
  if (!list) {
    return {
      entries: [], warnings,
      errors: [{ line: 1, code: "malformed", message: `Line 1: the JSON must be a list of entries ([${EXAMPLE}, …]) or an object with an "entries" list ({"entries": [${EXAMPLE}]}).` }],
    };
  }
  if (list.length === 0) {
    errors.push({ line: null, code: "empty_file", message: "The JSON has no entries. Add at least one question and answer." });
  }

  const starts = itemLines.get(list) ?? [];
  const unknown = new Map<string, { line: number; count: number }>();
  const entries: RawEntry[] = [];
  list.forEach((item, index) => {
    const line = starts[index] ?? lines.get(list!) ?? 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ line, code: "invalid_field", message: `Line ${line}: entry ${index + 1} must be an object like ${EXAMPLE}, but it is ${typeName(item)}.` });
      return;
    }
    const entry: RawEntry = { line, question: "", answer: "", alternatives: [], category: null, language: null, key: null, fieldNames: {} };
    const seen = new Map<FaqField, string>();
    for (const [name, value] of Object.entries(item)) {
      const field = fieldForName(name);
      if (!field) {
        const known = unknown.get(name);
        if (known) known.count++;
        else unknown.set(name, { line, count: 1 });
        continue;
      }
      if (seen.has(field)) {
        errors.push({ line, column: name, code: "duplicate_column", message: `Line ${line}: "${seen.get(field)}" and "${name}" both mean "${field}". Keep only one of them.` });
        continue;
      }
      seen.set(field, name);
      entry.fieldNames![field] = name;
      if (field === "alternatives") {
        const parsed = ZAlternatives.safeParse(value);
        if (parsed.success) entry.alternatives = parsed.data ?? [];
        else (errors.push(invalid(line, name, 'a list of texts, e.g. ["Is shipping free?", "Delivery cost"]', value)), (entry.alternatives = undefined));
      } else if (field === "key") {
        const parsed = ZKey.safeParse(value);
        if (parsed.success) entry.key = parsed.data === null ? null : String(parsed.data);
        else (errors.push(invalid(line, name, "text or a whole number", value)), (entry.key = undefined));
      } else {
        const parsed = ZText.safeParse(value);
        const text = parsed.success ? (parsed.data ?? "") : undefined;
        if (!parsed.success) errors.push(invalid(line, name, "text in double quotes", value));
        if (field === "question" || field === "answer") entry[field] = text;
        else entry[field] = text === undefined ? undefined : text.trim() === "" ? null : text.trim();
      }
    }
    entries.push(entry);
  });
  for (const [name, { line, count }] of unknown) {
    const others = count > 1 ? ` (also in ${count - 1} other entr${count === 2 ? "y" : "ies"})` : "";
    errors.push({ line, column: name, code: "unknown_column", message: unknownFieldMessage(name, `Line ${line}${others}`, "field") });
  }
  return { entries, errors, warnings, fileLanguage };
}

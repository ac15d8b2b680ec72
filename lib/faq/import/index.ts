// Owns the FAQ upload entry point: bytes in, either every entry ready to store or the complete,
// sorted list of problems (an upload with any error must change nothing). Pure: no I/O, no DB.
import { resolveLanguageCode } from "../language";
import { checkSize, decodeText } from "./decode";
import { detectFormat } from "./detect-format";
import { parseCsv } from "./parse-csv";
import { parseJson } from "./parse-json";
import { parseMarkdown } from "./parse-markdown";
import { DEFAULT_FAQ_LANGUAGE, DEFAULT_FAQ_LIMITS } from "./types";
import type { FaqFormat, FaqImportError, FaqImportOptions, FaqImportResult, ParsedFile } from "./types";
import { validateEntries } from "./validate-entries";

export { DEFAULT_FAQ_LIMITS, DEFAULT_FAQ_LANGUAGE } from "./types";
export type {
  FaqEntryInput, FaqFormat, FaqImportError, FaqImportErrorCode, FaqImportOptions, FaqImportResult, FaqLimits,
} from "./types";

const PARSERS: Record<FaqFormat, (text: string) => ParsedFile> = {
  csv: parseCsv,
  json: parseJson,
  markdown: parseMarkdown,
};

/** File-level problems first, then by line; at most `max` listed and a last line saying how many more. */
function capped(problems: FaqImportError[], max: number): FaqImportError[] {
  const sorted = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
  if (sorted.length <= max) return sorted;
  const more = sorted.length - max;
  return [
    ...sorted.slice(0, max),
    {
      line: null, code: "too_many_errors",
      message: `…and ${more} more problem${more === 1 ? "" : "s"} not listed. Fix the ones above and upload the file again to see the rest.`,
    },
  ];
}

export function parseFaqFile(
  input: { fileName: string; bytes: Uint8Array; contentType?: string },
  options?: Partial<FaqImportOptions>,
): FaqImportResult {
  const settings: FaqImportOptions = { ...DEFAULT_FAQ_LIMITS, defaultLanguage: DEFAULT_FAQ_LANGUAGE, ...options };
  const defaultLanguage = resolveLanguageCode(settings.defaultLanguage);
  if (!defaultLanguage) throw new Error(`parseFaqFile: defaultLanguage "${settings.defaultLanguage}" is not an ISO 639-1 code`);
  settings.defaultLanguage = defaultLanguage;

  const decision = detectFormat(input.fileName, input.bytes, input.contentType);
  const format = decision.ok ? decision.format : null;
  const tooLarge = checkSize(input.bytes, settings.maxBytes);
  if (tooLarge) return { ok: false, errors: [tooLarge], format };
  if (!decision.ok) return { ok: false, errors: [decision.error], format };

  const decoded = decodeText(input.bytes);
  if (!decoded.ok) return { ok: false, errors: capped(decoded.errors, settings.maxErrorsListed), format: decision.format };

  const parsed = PARSERS[decision.format](decoded.text);
  const validated = validateEntries(parsed, settings);
  const errors = [...parsed.errors, ...validated.errors];
  if (errors.length > 0) return { ok: false, errors: capped(errors, settings.maxErrorsListed), format: decision.format };
  return {
    ok: true,
    entries: validated.entries,
    warnings: capped([...parsed.warnings, ...validated.warnings], settings.maxErrorsListed),
    format: decision.format,
  };
}

// Owns the shapes shared by the FAQ import: the entry it produces, the error it reports, the limits
// it enforces, and the "raw entry" every format parser hands to the shared validator.

export type FaqFormat = "csv" | "json" | "markdown";

export type FaqImportErrorCode =
  | "file_too_large"
  | "empty_file"
  | "unsupported_format"
  | "bad_encoding"
  | "malformed"
  | "unknown_column"
  | "duplicate_column"
  | "missing_column"
  | "missing_question"
  | "missing_answer"
  | "duplicate_question"
  | "duplicate_key"
  | "too_long"
  | "too_many_alternatives"
  | "too_many_entries"
  | "unknown_language"
  | "invalid_field"
  | "ignored_content"
  | "language_assumed"
  | "too_many_errors";

export interface FaqImportError {
  /** Physical line in the uploaded file (1-based), or null for file-level problems. */
  line: number | null;
  /** Field or column name as the admin wrote it, when the problem is in one field. */
  column?: string;
  code: FaqImportErrorCode;
  /** English sentence for the admin: names the line and says how to fix it. */
  message: string;
}

export interface FaqEntryInput {
  key: string;
  question: string;
  alternatives: string[];
  answer: string;
  category: string | null;
  language: string;
}

export type FaqImportResult =
  | { ok: true; entries: FaqEntryInput[]; warnings: FaqImportError[]; format: FaqFormat }
  | { ok: false; errors: FaqImportError[]; format: FaqFormat | null };

export interface FaqLimits {
  maxBytes: number;
  maxEntries: number;
  maxQuestionChars: number;
  maxAnswerChars: number;
  maxAlternatives: number;
  maxCategoryChars: number;
  maxKeyChars: number;
  /** Errors listed one by one; the rest are summarised as "and N more". */
  maxErrorsListed: number;
}

export interface FaqImportOptions extends FaqLimits {
  /** Language for entries that declare none and whose text is not clearly one language. */
  defaultLanguage: string;
}

export const DEFAULT_FAQ_LIMITS: FaqLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 5000,
  maxQuestionChars: 500,
  maxAnswerChars: 5000,
  maxAlternatives: 50,
  maxCategoryChars: 100,
  maxKeyChars: 100,
  maxErrorsListed: 200,
};

export const DEFAULT_FAQ_LANGUAGE = "en";

/** The canonical fields an entry can have, in every format. */
export type FaqField = "key" | "question" | "alternatives" | "answer" | "category" | "language";

/**
 * What a format parser extracted for one entry. `undefined` means "not available and already
 * reported" (e.g. the column is missing, or the JSON value had the wrong type), so the validator
 * does not report it a second time; an empty string means the admin left it blank.
 */
export interface RawEntry {
  line: number;
  question: string | undefined;
  answer: string | undefined;
  alternatives: string[] | undefined;
  category: string | null | undefined;
  language: string | null | undefined;
  key: string | null | undefined;
  /** How the admin named each field (CSV header, JSON property), for error messages. */
  fieldNames?: Partial<Record<FaqField, string>>;
}

/** What a format parser returns: entries to validate plus problems found while reading. */
export interface ParsedFile {
  entries: RawEntry[];
  errors: FaqImportError[];
  warnings: FaqImportError[];
  /** Language declared for the whole file (Markdown front matter, JSON root), if any. */
  fileLanguage?: { value: string; line: number } | null;
}

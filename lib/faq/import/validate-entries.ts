// Owns the rules every format shares once entries are read: required fields, length limits,
// duplicate questions (alternatives included), languages (declared, detected or default) and keys.
import { detectLanguage, resolveLanguageCode } from "../language";
import { assignKeys, normalizeQuestion } from "../keys";
import type { FaqEntryInput, FaqField, FaqImportError, FaqImportOptions, ParsedFile, RawEntry } from "./types";

const chars = (text: string) => [...text].length;

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ");
  return `"${chars(flat) > max ? [...flat].slice(0, max - 1).join("") + "…" : flat}"`;
}

function nameOf(entry: RawEntry, field: FaqField): string {
  return entry.fieldNames?.[field] ?? field;
}

interface Seen {
  line: number;
  kind: "question" | "alternative";
  text: string;
}

export interface ValidationResult {
  entries: FaqEntryInput[];
  errors: FaqImportError[];
  warnings: FaqImportError[];
}

export function validateEntries(parsed: ParsedFile, options: FaqImportOptions): ValidationResult {
  const errors: FaqImportError[] = [];
  const warnings: FaqImportError[] = [];
  const valid: Array<Omit<FaqEntryInput, "key"> & { key: string | null }> = [];
  const seenTexts = new Map<string, Seen>();
  const seenKeys = new Map<string, number>();

  let fileLanguage: string | null = null;
  if (parsed.fileLanguage) {
    fileLanguage = resolveLanguageCode(parsed.fileLanguage.value);
    if (!fileLanguage) errors.push(unknownLanguage(parsed.fileLanguage.line, "language", parsed.fileLanguage.value));
  }

  if (parsed.entries.length > options.maxEntries) {
    const first = parsed.entries[options.maxEntries];
    errors.push({
      line: first.line, code: "too_many_entries",
      message:
        `Line ${first.line}: the file has ${parsed.entries.length} entries; the limit is ${options.maxEntries} ` +
        `(entry ${options.maxEntries + 1} starts on this line). Split the FAQ into smaller files or remove entries.`,
    });
  }

  const tooLong = (entry: RawEntry, field: FaqField, what: string, text: string, limit: number, hint: string) => {
    const length = chars(text);
    if (length <= limit) return false;
    errors.push({
      line: entry.line, column: nameOf(entry, field), code: "too_long",
      message: `Line ${entry.line}: ${what} is ${length} characters long; the limit is ${limit}. ${hint}`,
    });
    return true;
  };

  for (const entry of parsed.entries) {
    const { line } = entry;
    let ok = true;
    const question = entry.question?.replace(/\s+/g, " ").trim();
    const answer = entry.answer?.trim();
    if (question === "" || (question !== undefined && normalizeQuestion(question) === "")) {
      ok = false;
      errors.push({
        line, column: nameOf(entry, "question"), code: "missing_question",
        message: question === ""
          ? `Line ${line}: the question is empty. Write the question${answer ? ` answered by ${quote(answer, 40)}` : ""}, or delete the entry.`
          : `Line ${line}: the question ${quote(question)} has no letters or digits. Write the question in words.`,
      });
    }
    if (answer === "") {
      ok = false;
      errors.push({
        line, column: nameOf(entry, "answer"), code: "missing_answer",
        message: question
          ? `Line ${line}: the question ${quote(question)} has no answer. Write its answer, or delete the entry.`
          : `Line ${line}: the answer is empty. Write the answer, or delete the entry.`,
      });
    }
    if (question && tooLong(entry, "question", "the question", question, options.maxQuestionChars, "Shorten it and put the details in the answer.")) ok = false;
    if (answer && tooLong(entry, "answer", "the answer", answer, options.maxAnswerChars, "Shorten it or split it into several questions.")) ok = false;

    const alternatives: string[] = [];
    const ownTexts = new Set(question ? [normalizeQuestion(question)] : []);
    for (const raw of entry.alternatives ?? []) {
      const alternative = raw.replace(/\s+/g, " ").trim();
      const normalized = normalizeQuestion(alternative);
      if (!normalized) continue;
      if (ownTexts.has(normalized)) {
        warnings.push({ line, column: nameOf(entry, "alternatives"), code: "ignored_content", message: `Line ${line}: the alternative ${quote(alternative)} repeats this entry's question or another alternative and was dropped.` });
        continue;
      }
      ownTexts.add(normalized);
      if (tooLong(entry, "alternatives", `the alternative ${quote(alternative, 40)}`, alternative, options.maxQuestionChars, "Shorten it.")) ok = false;
      alternatives.push(alternative);
    }
    if (alternatives.length > options.maxAlternatives) {
      ok = false;
      errors.push({
        line, column: nameOf(entry, "alternatives"), code: "too_many_alternatives",
        message: `Line ${line}: the question has ${alternatives.length} alternatives; the limit is ${options.maxAlternatives}. Keep the most common phrasings.`,
      });
    }

    let language: string | null = null;
    if (entry.language) {
      language = resolveLanguageCode(entry.language);
      if (!language) {
        ok = false;
        errors.push(unknownLanguage(line, nameOf(entry, "language"), entry.language));
      }
    } else if (entry.language !== undefined) {
      language = fileLanguage ?? detectLanguage([question, ...alternatives, answer].filter(Boolean).join("\n"));
      if (!language) {
        language = options.defaultLanguage;
        warnings.push({
          line, column: "language", code: "language_assumed",
          message: `Line ${line}: could not tell which language this entry is in, so "${language}" was assumed. Add a language column to say it explicitly.`,
        });
      }
    }

    // Duplicates: this entry's question and alternatives against every earlier entry's in the same
    // language (a bilingual FAQ may well have "App" or "Wifi" as the heading of an entry in each).
    const texts: Array<{ kind: Seen["kind"]; text: string }> = [
      ...(question && normalizeQuestion(question) ? [{ kind: "question" as const, text: question }] : []),
      ...alternatives.map((text) => ({ kind: "alternative" as const, text })),
    ];
    for (const { kind, text } of texts) {
      const normalized = `${language ?? ""}\u0000${normalizeQuestion(text)}`;
      const earlier = seenTexts.get(normalized);
      if (!earlier) {
        seenTexts.set(normalized, { line, kind, text });
        continue;
      }
      ok = false;
      const mine = kind === "question" ? `the question ${quote(text)}` : `the alternative ${quote(text)}`;
      const theirs = earlier.kind === "question" ? `the question on line ${earlier.line}` : `an alternative of the question on line ${earlier.line}`;
      const same = earlier.text === text ? "" : ` (${quote(earlier.text)}; case, accents and punctuation are ignored)`;
      errors.push({
        line, column: nameOf(entry, kind === "question" ? "question" : "alternatives"), code: "duplicate_question",
        message: `Line ${line}: ${mine} duplicates ${theirs}${same}. Merge the two entries or reword one of them.`,
      });
    }

    const category = entry.category?.trim() || null;
    if (category && tooLong(entry, "category", "the category", category, options.maxCategoryChars, "Use a shorter category name.")) ok = false;

    const key = entry.key?.trim() || null;
    if (key) {
      if (tooLong(entry, "key", "the key", key, options.maxKeyChars, "Use a shorter key.")) ok = false;
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        ok = false;
        errors.push({ line, column: nameOf(entry, "key"), code: "duplicate_key", message: `Line ${line}: the key "${key}" is also used on line ${earlier}. Keys must be unique; change one or leave it empty.` });
      } else seenKeys.set(key, line);
    }

    if (!ok || question === undefined || answer === undefined || entry.alternatives === undefined || entry.category === undefined || language === null || entry.key === undefined) continue;
    valid.push({ key, question, alternatives, answer, category, language });
  }

  if (errors.length > 0) return { entries: [], errors, warnings };
  const keys = assignKeys(valid);
  return { entries: valid.map((entry, index) => ({ ...entry, key: keys[index] })), errors, warnings };
}

function unknownLanguage(line: number, column: string, value: string): FaqImportError {
  return {
    line, column, code: "unknown_language",
    message:
      `Line ${line}: "${value}" is not a language code we know. Use a two-letter ISO 639-1 code such as ` +
      `es (Spanish), en (English), pt (Portuguese), fr (French), de (German), it (Italian) or ca (Catalan).`,
  };
}

// Shared helpers for the FAQ import tests: build uploads from text or fixture files.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parseFaqFile, type FaqImportError, type FaqImportOptions, type FaqImportResult } from "@/lib/faq/import";

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/faq/${name}`, import.meta.url)));
}

export function uploadFixture(name: string, options?: Partial<FaqImportOptions>): FaqImportResult {
  return parseFaqFile({ fileName: name, bytes: fixtureBytes(name) }, options);
}

export function upload(fileName: string, content: string | Uint8Array, options?: Partial<FaqImportOptions>): FaqImportResult {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return parseFaqFile({ fileName, bytes }, options);
}

export function entriesOf(result: FaqImportResult) {
  if (!result.ok) throw new Error(`expected success, got:\n${result.errors.map((e) => e.message).join("\n")}`);
  return result.entries;
}

export function errorsOf(result: FaqImportResult): FaqImportError[] {
  if (result.ok) throw new Error("expected the upload to be rejected");
  return result.errors;
}

/** [line, code] pairs, the part of an error an admin acts on first. */
export function linesAndCodes(result: FaqImportResult): Array<[number | null, string]> {
  return errorsOf(result).map((e) => [e.line, e.code]);
}

/** Every message names its line, so an admin can find it without the structured fields. */
export function expectMessagesNameTheirLines(errors: FaqImportError[]): void {
  for (const error of errors) {
    if (error.line !== null) expect(error.message).toMatch(new RegExp(`^Line ${error.line}\\b`));
  }
}

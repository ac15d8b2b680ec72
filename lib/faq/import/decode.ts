// Owns turning uploaded bytes into text: size and emptiness checks, byte order marks, and precise
// reports of invalid UTF-8 (line and byte offset), which usually means a Windows-1252/Latin-1
// export from Excel. Line endings are normalised to "\n" so every parser counts lines the same way.
import type { FaqImportError } from "./types";

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: FaqImportError[] };

const MAX_ENCODING_ERRORS = 20;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function checkSize(bytes: Uint8Array, maxBytes: number): FaqImportError | null {
  if (bytes.length > maxBytes) {
    return {
      line: null,
      code: "file_too_large",
      message:
        `The file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}. ` +
        `Split the FAQ into smaller files or remove unused entries.`,
    };
  }
  return null;
}

const SAVE_AS_UTF8 =
  "Save the file as UTF-8 and upload it again (in Excel: File → Save As → \"CSV UTF-8\"; in other editors choose the \"UTF-8\" encoding).";

/** Length in bytes of the valid UTF-8 sequence starting at i, or 0 if it is invalid. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[i + 1];
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return 0; // UTF-16 surrogate
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[i + 1];
    if (b0 === 0xf0 && b1 < 0x90) return 0;
    if (b0 === 0xf4 && b1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

function findInvalidUtf8(bytes: Uint8Array, start: number): FaqImportError[] {
  const errors: FaqImportError[] = [];
  let line = 1;
  let lastReportedLine = 0;
  let more = 0;
  for (let i = start; i < bytes.length; ) {
    if (bytes[i] === 0x0a) line++;
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    // One error per line is enough to find the spot; an accented word often has several bad bytes.
    if (line !== lastReportedLine) {
      lastReportedLine = line;
      if (errors.length < MAX_ENCODING_ERRORS) {
        errors.push({
          line,
          code: "bad_encoding",
          message:
            `Line ${line}: byte ${i} (0x${bytes[i].toString(16).toUpperCase().padStart(2, "0")}) is not valid UTF-8; ` +
            `the file was probably saved as Windows-1252 or Latin-1, which garbles accents like "á" and "ñ". ${SAVE_AS_UTF8}`,
        });
      } else more++;
    }
    i++;
  }
  if (more > 0) {
    errors.push({
      line: null,
      code: "bad_encoding",
      message: `…and ${more} more lines with invalid UTF-8. ${SAVE_AS_UTF8}`,
    });
  }
  return errors;
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  const empty: FaqImportError = {
    line: null,
    code: "empty_file",
    message: "The file is empty. Upload a file with a header row and at least one question and answer.",
  };
  if (bytes.length === 0) return { ok: false, errors: [empty] };
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16WithoutBom(bytes);
  if (utf16) {
    return {
      ok: false,
      errors: [{ line: null, code: "bad_encoding", message: `The file is saved as UTF-16 (Excel's "Unicode text"). ${SAVE_AS_UTF8}` }],
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const errors = findInvalidUtf8(bytes, start);
    return {
      ok: false,
      errors: errors.length ? errors : [{ line: null, code: "bad_encoding", message: `The file is not valid UTF-8. ${SAVE_AS_UTF8}` }],
    };
  }
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, errors: [empty] };
  return { ok: true, text };
}

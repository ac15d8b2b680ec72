// Owns deciding which parser reads an upload: file extension first (what the admin chose), then
// the declared content type, then a look at the first characters for extensionless or ".txt" files.
import type { FaqFormat, FaqImportError } from "./types";

const BY_EXTENSION: Record<string, FaqFormat> = {
  csv: "csv", tsv: "csv", json: "json", md: "markdown", markdown: "markdown",
};

const BY_CONTENT_TYPE: Record<string, FaqFormat> = {
  "text/csv": "csv", "application/csv": "csv", "text/tab-separated-values": "csv",
  "application/json": "json", "text/json": "json", "text/markdown": "markdown", "text/x-markdown": "markdown",
};

const SPREADSHEET_EXTENSIONS = new Set(["xlsx", "xls", "xlsm", "ods", "numbers"]);
const DOCUMENT_EXTENSIONS = new Set(["docx", "doc", "odt", "pdf", "rtf", "pages"]);

function unsupported(message: string): { ok: false; error: FaqImportError } {
  return { ok: false, error: { line: null, code: "unsupported_format", message } };
}

export type FormatDecision = { ok: true; format: FaqFormat } | { ok: false; error: FaqImportError };

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function sniff(bytes: Uint8Array): FaqFormat | null {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const first = bytes[i];
  if (first === undefined) return null;
  if (first === 0x5b || first === 0x7b) return "json"; // [ or {
  if (first === 0x23) return "markdown"; // #
  if (first === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x2d) return "markdown"; // front matter
  const head = new TextDecoder().decode(bytes.subarray(i, i + 2000));
  if (/^ {0,3}##? /m.test(head)) return "markdown";
  const firstLine = head.split(/\r?\n/)[0];
  if (/[,;\t]/.test(firstLine)) return "csv";
  return null;
}

const ACCEPTED = "Upload a .csv, .json or .md (Markdown) file.";

export function detectFormat(fileName: string, bytes: Uint8Array, contentType?: string): FormatDecision {
  const extension = extensionOf(fileName);
  if (SPREADSHEET_EXTENSIONS.has(extension) || (isZip(bytes) && !BY_EXTENSION[extension])) {
    return unsupported(
      `"${fileName}" is a spreadsheet or archive, which cannot be read directly. ` +
        `In Excel use File → Save As → "CSV UTF-8 (comma delimited)"; in Google Sheets use File → Download → CSV. ${ACCEPTED}`,
    );
  }
  if (DOCUMENT_EXTENSIONS.has(extension)) {
    return unsupported(`"${fileName}" is a word-processor document or PDF, which cannot be read. ${ACCEPTED}`);
  }
  const byExtension = BY_EXTENSION[extension];
  if (byExtension) return { ok: true, format: byExtension };
  const mime = contentType?.split(";")[0].trim().toLowerCase();
  const byType = mime ? BY_CONTENT_TYPE[mime] : undefined;
  if (byType) return { ok: true, format: byType };
  if (extension === "" || extension === "txt" || mime === "text/plain") {
    const sniffed = sniff(bytes);
    if (sniffed) return { ok: true, format: sniffed };
  }
  return unsupported(`Cannot tell the format of "${fileName}". ${ACCEPTED}`);
}

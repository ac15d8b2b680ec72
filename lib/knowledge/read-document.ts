// Owns turning one uploaded file (or an API body) into a document ready to store: format by
// name, type and content; the size limit; text extraction (Markdown, HTML, plain text, PDF); the
// title and language; passages. Anything unusable is refused with a message that says what is
// wrong with that file and what to do, so an upload of several files can report each one.
import { detectLanguage } from "@/lib/faq/language";
import { htmlText, markdownText, plainText, tidyPdfText, titleFrom } from "./text-formats";
import { pdfPages, PdfReadError } from "./pdf-text";
import { splitPassages, type PassageDraft } from "./passages";

export type DocumentFormat = "markdown" | "html" | "text" | "pdf";

export interface DocumentDraft {
  title: string;
  url: string | null;
  format: DocumentFormat;
  fileName: string | null;
  language: string;
  text: string;
  byteSize: number;
  passages: PassageDraft[];
}

export type DocumentErrorCode = "empty" | "too_large" | "binary" | "unsupported" | "pdf_no_text" | "pdf_unreadable" | "no_text";

export type DocumentRead = { ok: true; document: DocumentDraft; warnings: string[] } | { ok: false; code: DocumentErrorCode; message: string };

export interface ReadOptions {
  maxBytes: number;
  defaultLanguage: string;
}

/** Fewer words than this is not an article (a stray line, a file of whitespace and markup). */
const MIN_WORDS = 5;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** What a binary file most likely is, to say so (Office files and images are common mistakes). */
function binaryKind(b: Uint8Array, name: string): string | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return /\.(docx?|odt)$/i.test(name) ? "a Word document" : /\.(xlsx?|ods)$/i.test(name) ? "a spreadsheet" : "a ZIP archive";
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return "an old Office document";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38])) return "an image";
  const sample = b.subarray(0, Math.min(b.length, 8192));
  let control = 0;
  for (const c of sample) {
    if (c === 0) return "a binary file";
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > sample.length * 0.05 ? "a binary file" : null;
}

function decode(bytes: Uint8Array): { text: string; warning: string | null } {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start)), warning: null };
  } catch {
    // Old exports are often Windows-1252: readable, with a note.
    return { text: new TextDecoder("windows-1252").decode(bytes), warning: "The file is not UTF-8; it was read as Windows-1252 (Western European). Check accents in the preview." };
  }
}

function formatOf(name: string, type: string | undefined, bytes: Uint8Array): DocumentFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (ext === "pdf" || type === "application/pdf") return "pdf";
  if (["md", "markdown", "mdown", "mkd"].includes(ext) || type === "text/markdown") return "markdown";
  if (["html", "htm", "xhtml"].includes(ext) || type === "text/html" || type === "application/xhtml+xml") return "html";
  if (["txt", "text", ""].includes(ext) || type?.startsWith("text/plain")) return "text";
  return null;
}

/** Reads an uploaded file. `url`: where the article lives on the tenant's site, if given. */
export async function readDocumentFile(file: { fileName: string; bytes: Uint8Array; contentType?: string; url?: string | null; title?: string | null }, opts: ReadOptions): Promise<DocumentRead> {
  const name = file.fileName || "document";
  const b = file.bytes;
  if (b.byteLength === 0) return { ok: false, code: "empty", message: `${name} is empty. Choose the file again or check that it was saved.` };
  if (b.byteLength > opts.maxBytes) {
    return { ok: false, code: "too_large", message: `${name} is ${formatSize(b.byteLength)}; the limit is ${formatSize(opts.maxBytes)}. Split it into smaller articles.` };
  }
  const format = formatOf(name, file.contentType, b);
  if (format === "pdf") return readPdf(name, b, file, opts);
  const kind = binaryKind(b, name);
  if (kind) {
    return { ok: false, code: "binary", message: `${name} is ${kind}, not a text document. Upload Markdown, HTML, plain text or PDF (save Office documents as PDF or HTML first).` };
  }
  if (!format) {
    return { ok: false, code: "unsupported", message: `${name}: this kind of file is not supported. Upload Markdown (.md), HTML (.html), plain text (.txt) or PDF (.pdf).` };
  }
  const { text: raw, warning } = decode(b);
  const read = format === "markdown" ? markdownText(raw) : format === "html" ? htmlText(raw) : { text: plainText(raw), title: null };
  return finish(name, format, read.text, read.title, b.byteLength, file, opts, warning ? [warning] : []);
}

async function readPdf(name: string, bytes: Uint8Array, file: { url?: string | null; title?: string | null }, opts: ReadOptions): Promise<DocumentRead> {
  let pages: string[];
  try {
    pages = await pdfPages(bytes);
  } catch (e) {
    const why = e instanceof PdfReadError ? e.message : "it could not be opened";
    return { ok: false, code: "pdf_unreadable", message: `${name} could not be read as a PDF: ${why}. Open it in a PDF viewer, save a copy, and upload that.` };
  }
  const text = tidyPdfText(pages);
  if (text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < MIN_WORDS) {
    return { ok: false, code: "pdf_no_text", message: `${name} has no text that can be read${pages.length ? ` (${pages.length} page${pages.length === 1 ? "" : "s"} without selectable text)` : ""}: it is probably a scan or images. Upload a PDF with selectable text, or the article as text or HTML.` };
  }
  return finish(name, "pdf", text, null, bytes.byteLength, file, opts, []);
}

/** The API's `{ title, content, url }`: content is Markdown (plain text is valid Markdown). */
export function readDocumentText(input: { title: string; content: string; url?: string | null }, opts: ReadOptions): DocumentRead {
  const bytes = Buffer.byteLength(input.content, "utf8");
  if (!input.content.trim()) return { ok: false, code: "empty", message: "content is empty. Send the article's text in content." };
  if (bytes > opts.maxBytes) return { ok: false, code: "too_large", message: `content is ${formatSize(bytes)}; the limit is ${formatSize(opts.maxBytes)}. Split it into smaller articles.` };
  if (/\u0000/.test(input.content)) return { ok: false, code: "binary", message: "content contains binary data (NUL characters). Send the article as text, Markdown or HTML." };
  const looksHtml = /^\s*<(!doctype|html|body|article|div|p|h[1-6]|section)\b/i.test(input.content);
  const read = looksHtml ? htmlText(input.content) : markdownText(input.content);
  return finish(null, looksHtml ? "html" : "markdown", read.text, input.title, bytes, { url: input.url, title: input.title }, opts, []);
}

function finish(name: string | null, format: DocumentFormat, text: string, title: string | null, byteSize: number, file: { url?: string | null; title?: string | null }, opts: ReadOptions, warnings: string[]): DocumentRead {
  const label = name ?? "content";
  if (text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < MIN_WORDS) {
    return { ok: false, code: "no_text", message: `${label} has no readable text (fewer than ${MIN_WORDS} words once markup is removed).` };
  }
  const passages = splitPassages(text);
  const fallbackTitle = name ? name.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ").trim() : "Untitled";
  const finalTitle = (file.title?.trim() || title || titleFrom(text) || fallbackTitle).slice(0, 200);
  const language = detectLanguage(text.slice(0, 4000)) ?? opts.defaultLanguage;
  return { ok: true, document: { title: finalTitle, url: file.url ?? null, format, fileName: name, language, text, byteSize, passages }, warnings };
}

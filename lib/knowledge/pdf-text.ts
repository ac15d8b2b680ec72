// The text of a PDF, page by page, with unpdf (a build of Mozilla's PDF.js for servers; no
// native code, no download step). Only text is read: no rendering, no fonts loaded from outside.
import { extractText, getDocumentProxy } from "unpdf";

export class PdfReadError extends Error {
  constructor(
    message: string,
    readonly reason: "damaged" | "encrypted",
  ) {
    super(message);
  }
}

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may transfer (detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false } as Parameters<typeof getDocumentProxy>[1]);
  } catch (e) {
    const name = (e as { name?: string }).name ?? "";
    if (name === "PasswordException") throw new PdfReadError("it is protected by a password", "encrypted");
    throw new PdfReadError("it is damaged or not really a PDF", "damaged");
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text;
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

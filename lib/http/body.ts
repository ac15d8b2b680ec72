// Reading a request body with a byte cap: the body is streamed and refused as soon as it passes
// the limit, whatever Content-Length says (or does not say, for a chunked upload), so an upload
// can never fill the server's memory.
import { AppError } from "@/lib/errors/app-error";

export async function readBodyCapped(req: Request, maxBytes: number, what = "The upload"): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("payload_too_large", `${what} is larger than the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit. Split the FAQ or remove unused entries.`);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

/** A multipart form from a capped body (multipart framing allowed on top of the file limit). */
export async function readFormCapped(req: Request, maxFileBytes: number): Promise<FormData> {
  const bytes = await readBodyCapped(req, maxFileBytes + 64 * 1024, "The file");
  try {
    return await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("bad_request", 'Send the FAQ file as a multipart form with a field named "file".');
  }
}

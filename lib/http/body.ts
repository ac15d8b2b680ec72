// Reading a request body with a byte cap: a declared Content-Length over the limit is refused
// before a byte is read, and the body is streamed and refused as soon as it passes the limit
// (a chunked upload says nothing up front), so no request can fill the server's memory.
// Every route wrapper reads bodies through here (lib/http/handler.ts, lib/http/api-handler.ts).
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parse } from "@/lib/http/parse";

/** JSON bodies of the app and the API are small; a megabyte is generous and bounds memory. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** "5 MB", "1.5 MB", "512 KB": the limit as the docs state it. */
export function formatLimit(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

export interface CapOptions {
  /** Names the body in the 413 message ("The file", "The request body"). */
  what?: string;
  /** The limit to state in the message, when the cap allows some framing on top (multipart). */
  statedLimit?: number;
  /** Advice appended to the 413 message. */
  hint?: string;
}

export async function readBodyCapped(req: Request, maxBytes: number, opts: CapOptions | string = {}): Promise<Uint8Array<ArrayBuffer>> {
  const o: CapOptions = typeof opts === "string" ? { what: opts } : opts;
  const tooLarge = () =>
    new AppError("payload_too_large", `${o.what ?? "The upload"} is larger than the ${formatLimit(o.statedLimit ?? maxBytes)} limit.${o.hint ? ` ${o.hint}` : ""}`);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      // The client went away mid-upload (closed the tab, lost the network): nothing to answer and
      // nothing wrong on our side.
      throw new AppError("client_closed", "The request was aborted before its body arrived.", { cause: err });
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A JSON body (at most MAX_JSON_BYTES; empty counts as `{}`), validated with the schema. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = new TextDecoder().decode(await readBodyCapped(req, MAX_JSON_BYTES, { what: "The request body" }));
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body must be valid JSON.");
    }
  }
  return parse(schema, raw, "body");
}

/** A multipart form from a capped body (multipart framing allowed on top of the file limit). */
export async function readFormCapped(req: Request, maxFileBytes: number, opts: { hint?: string; what?: string } = {}): Promise<FormData> {
  const bytes = await readBodyCapped(req, maxFileBytes + 64 * 1024, { what: "The file", statedLimit: maxFileBytes, hint: opts.hint ?? "Split the FAQ or remove unused entries." });
  try {
    return await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("bad_request", `Send the ${opts.what ?? "FAQ file"} as a multipart form with a field named "file".`);
  }
}

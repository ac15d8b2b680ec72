// One webhook HTTP attempt: POST the stored body with its signature and ids, within a deadline,
// never following redirects, connecting only to public addresses (url-policy.ts) unless
// WEBHOOKS_ALLOW_PRIVATE. Resolves with the receiver's status (any status) or the network error.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from "./signature";
import { isPrivateAddress, publicOnlyLookup } from "./url-policy";

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  /** The start of the receiver's answer (for the delivery log). */
  body: string | null;
  error: string | null;
  durationMs: number;
}

const KEEP_BODY = 1024;
const READ_AT_MOST = 64 * 1024;

export interface Outgoing {
  url: string;
  body: string;
  secret: string;
  deliveryId: string;
  event: string;
}

export function sendWebhook(out: Outgoing, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<AttemptResult> {
  const started = Date.now();
  const done = (r: Omit<AttemptResult, "durationMs">): AttemptResult => ({ ...r, durationMs: Date.now() - started });
  let url: URL;
  try {
    url = new URL(out.url);
  } catch {
    return Promise.resolve(done({ ok: false, status: null, body: null, error: "invalid URL" }));
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address never goes through `lookup`: check it here.
  if (!opts.allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve(done({ ok: false, status: null, body: null, error: `refused: ${host} is a private address` }));
  }
  if (!opts.allowPrivate && url.protocol !== "https:") return Promise.resolve(done({ ok: false, status: null, body: null, error: "refused: not https" }));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(done(r));
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: opts.allowPrivate ? undefined : (publicOnlyLookup as unknown as net.LookupFunction),
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(out.body),
          "user-agent": "faqbot-webhooks/1",
          [SIGNATURE_HEADER]: signBody(out.secret, out.body),
          [DELIVERY_HEADER]: out.deliveryId,
          [EVENT_HEADER]: out.event,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        res.on("data", (c: Buffer) => {
          read += c.length;
          if (read <= READ_AT_MOST) chunks.push(c);
          else res.destroy();
        });
        const end = () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8").slice(0, KEEP_BODY);
          const ok = status >= 200 && status < 300;
          finish({ ok, status, body: text || null, error: ok ? null : `HTTP ${status}` });
        };
        res.on("end", end);
        res.on("close", end);
        res.on("error", end);
      },
    );
    const deadline = setTimeout(() => {
      req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) => finish({ ok: false, status: null, body: null, error: err.message || err.code || "connection failed" }));
    req.end(out.body);
  });
}

// Cross-site request forgery checks for routes authenticated by the session cookie. SameSite=Lax
// stops other sites but not a page on another port or a sibling subdomain of the same site, so a
// state-changing request must (1) come from this app's own origin, by its Origin header (or
// Sec-Fetch-Site when a browser sends no Origin), and (2) carry a content type that a plain HTML
// form or a "simple" cross-origin fetch cannot send: JSON, or multipart only where a route takes
// uploads. Clients that are not browsers send neither header and cannot ride a cookie anyway.
// API-key routes (/api/v1, Bearer auth) need none of this.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** This app's own origins: PUBLIC_URL and the Host the request was sent to. */
export function ownOrigins(headers: Headers): string[] {
  const out: string[] = [];
  const pub = env().PUBLIC_URL;
  if (pub) out.push(new URL(pub).origin);
  const host = headers.get("host");
  if (host) out.push(`http://${host}`, `https://${host}`);
  return out.map((o) => o.toLowerCase());
}

/** Refuses a state-changing request that a browser sent from another origin. */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (!ownOrigins(headers).includes(origin.toLowerCase())) {
      throw new AppError("forbidden", "This request came from another website and was refused. Use the app's own pages.");
    }
    return;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") {
    throw new AppError("forbidden", "This request came from another website and was refused. Use the app's own pages.");
  }
}

export type BodyKind = "json" | "multipart";

/** Refuses a body in any content type other than the route's (JSON by default). */
export function assertContentType(headers: Headers, accepts: BodyKind): void {
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const json = type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
  if (accepts === "multipart") {
    if (type !== "multipart/form-data") throw new AppError("unsupported_media_type", 'Send the file as multipart/form-data with a field named "file".');
    return;
  }
  // No body at all (a DELETE, a button's bare POST) needs no type; any body must be JSON.
  const empty = !headers.has("transfer-encoding") && Number(headers.get("content-length") ?? 0) === 0;
  if (!type && empty) return;
  if (!json) throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
}

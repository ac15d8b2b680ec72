// Which web pages may embed a tenant's widget. Patterns are origins where `*` stands for one
// DNS label or for the port: "https://shop.example.com", "https://*.example.com",
// "http://localhost:*". Matching is exact otherwise: scheme, host and port all count.
import { z } from "zod";

export const ZOriginPattern = z
  .string()
  .trim()
  .regex(/^https?:\/\/(\*\.)?[a-z0-9.-]+(:(\d{1,5}|\*))?$/i, "Use an origin like https://shop.example.com (no path), optionally with *. or :*");

export function originAllowed(origin: string | undefined | null, patterns: unknown): boolean {
  if (!origin || !Array.isArray(patterns)) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin.replace(/\/$/, "")) return false;
  return patterns.some((p) => typeof p === "string" && matches(url, p));
}

function matches(url: URL, pattern: string): boolean {
  const m = /^(https?):\/\/((?:\*\.)?[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/i.exec(pattern.trim());
  if (!m) return false;
  const [, scheme, host, port] = m;
  if (url.protocol !== `${scheme!.toLowerCase()}:`) return false;
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const actualPort = url.port || defaultPort;
  if (port !== "*" && (port ?? defaultPort) !== actualPort) return false;
  const h = host!.toLowerCase();
  if (h.startsWith("*.")) {
    const suffix = h.slice(1);
    return url.hostname.endsWith(suffix) && !url.hostname.slice(0, -suffix.length).includes(".");
  }
  return url.hostname === h;
}

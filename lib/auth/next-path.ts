// Where to send the browser after sign-in: only a path on this site. Browsers read "/\evil" and
// "/<tab>/evil" as "//evil" (another host), so anything but a plain absolute path is refused.
const BASE = "http://app.invalid";

export function safeNextPath(next: string | null | undefined, fallback = "/agent"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  // Backslashes, controls (tab, CR, LF are stripped by URL parsers), spaces and non-ASCII.
  if (/[\\\u0000-\u0020\u007f-\uffff]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  // "/..//evil" normalises to "//evil": check the path as the browser will see it.
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  return path;
}

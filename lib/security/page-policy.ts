// The Content-Security-Policy of the console pages (sign-in, /admin, /agent), set by proxy.ts.
// Scripts, styles, fonts, images and connections (fetch, Socket.IO) come from this origin only; no
// plugins, no <base> tricks, no form posts elsewhere, and no framing by other sites. Next's App
// Router inlines its bootstrap and flight data as inline scripts (and React inline styles), hence
// 'unsafe-inline' there; development builds also need eval for fast refresh.
export function consolePolicy(dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

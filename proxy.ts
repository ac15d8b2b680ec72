// Next.js Proxy (the file convention formerly called middleware). It only sets Content-Security-
// Policy headers, which pages cannot set themselves: the chat frame's `frame-ancestors` depends on
// the tenant in the query string (lib/widget/frame-policy.ts); the console pages (and sign-in,
// sign-up, first-run setup and invitation pages) get a fixed
// policy (lib/security/page-policy.ts).
import { NextResponse, type NextRequest } from "next/server";
import { framePolicyForKey } from "@/lib/widget/frame-policy";
import { consolePolicy } from "@/lib/security/page-policy";

export async function proxy(req: NextRequest) {
  const res = NextResponse.next();
  if (req.nextUrl.pathname !== "/widget/frame") {
    res.headers.set("Content-Security-Policy", consolePolicy());
    return res;
  }
  let policy = "frame-ancestors 'self'";
  try {
    policy = await framePolicyForKey(req.nextUrl.searchParams.get("key"));
  } catch {
    // Database unreachable: fail closed (only the app itself may frame the chat).
  }
  res.headers.set("Content-Security-Policy", policy);
  return res;
}

export const config = { matcher: ["/widget/frame", "/login", "/signup", "/setup", "/invite/:path*", "/admin", "/admin/:path*", "/agent", "/agent/:path*"] };

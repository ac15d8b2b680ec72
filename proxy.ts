// Next.js Proxy (the file convention formerly called middleware). It only serves the chat frame:
// pages cannot set response headers, and the frame's CSP `frame-ancestors` depends on the tenant
// in the query string, so it is added here (lib/widget/frame-policy.ts computes it).
import { NextResponse, type NextRequest } from "next/server";
import { framePolicyForKey } from "@/lib/widget/frame-policy";

export async function proxy(req: NextRequest) {
  const res = NextResponse.next();
  let policy = "frame-ancestors 'self'";
  try {
    policy = await framePolicyForKey(req.nextUrl.searchParams.get("key"));
  } catch {
    // Database unreachable: fail closed (only the app itself may frame the chat).
  }
  res.headers.set("Content-Security-Policy", policy);
  return res;
}

export const config = { matcher: ["/widget/frame"] };

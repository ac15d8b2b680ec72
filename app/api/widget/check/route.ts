// The loader's pre-flight: may this page (the browser's Origin header) show the chat of this
// widget key? 200 with the launcher's colour, or 403/404 — readable cross-origin (CORS) so the
// loader can explain the refusal in the console instead of mounting a chat that cannot connect.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { embedCheck } from "@/lib/widget/frame-policy";
import { errorResponse } from "@/lib/http/handler";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const ZKey = z.string().min(1).max(100);

export async function GET(req: NextRequest) {
  const origin = req.headers.get("origin");
  const cors: Record<string, string> = { vary: "Origin", "cache-control": "no-store", ...(origin ? { "access-control-allow-origin": origin } : {}) };
  try {
    const key = ZKey.safeParse(req.nextUrl.searchParams.get("key"));
    if (!key.success) return NextResponse.json({ error: { code: "bad_request", message: "Missing widget key." } }, { status: 400, headers: cors });
    // Browsers omit Origin on same-origin GETs (the app's own demo page): that origin is this one.
    const pageOrigin = origin ?? (req.headers.get("sec-fetch-site") === "same-origin" ? req.nextUrl.origin : null);
    const r = await embedCheck(key.data, pageOrigin);
    if (!r.ok) return NextResponse.json({ error: { code: r.status === 403 ? "forbidden" : "not_found", message: r.message } }, { status: r.status, headers: cors });
    return NextResponse.json(r, { headers: cors });
  } catch (e) {
    const res = errorResponse(e, logger);
    for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
    return res;
  }
}

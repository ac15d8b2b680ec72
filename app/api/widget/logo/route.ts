// A workspace's logo by widget key, for the chat frame on customers' sites and the consoles.
// Public like the widget itself; the URL carries the logo's version, so it may be cached long.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { logoByWidgetKey } from "@/lib/tenancy/logo";
import { errorResponse } from "@/lib/http/handler";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const ZKey = z.string().min(1).max(100);

export async function GET(req: NextRequest) {
  try {
    const key = ZKey.safeParse(req.nextUrl.searchParams.get("key"));
    const logo = key.success ? await logoByWidgetKey(key.data) : null;
    if (!logo) return NextResponse.json({ error: { code: "not_found", message: "No logo." } }, { status: 404 });
    return new NextResponse(Buffer.from(logo.data), {
      headers: { "content-type": logo.contentType, "cache-control": "public, max-age=86400", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'" },
    });
  } catch (e) {
    return errorResponse(e, logger);
  }
}

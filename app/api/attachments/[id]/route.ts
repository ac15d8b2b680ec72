// An attachment by its signed, expiring link (lib/attachments/signed-url.ts), with headers that
// keep the browser from running or sniffing it.
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/handler";
import { logger } from "@/lib/log/logger";
import { openAttachment } from "@/lib/attachments/serve";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const file = await openAttachment(id.slice(0, 64), req.nextUrl.searchParams.get("e"), req.nextUrl.searchParams.get("s"));
    return new NextResponse(new Uint8Array(file.data), { headers: file.headers });
  } catch (e) {
    return errorResponse(e, logger);
  }
}

import { NextResponse, type NextRequest } from "next/server";
import { healthReport, mayReadHealthDetails } from "@/lib/health/health";
import { SESSION_COOKIE } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Status is public (load balancers, uptime checks); process figures need an admin or HEALTH_TOKEN.
export async function GET(req: NextRequest) {
  const report = await healthReport({ detailed: await mayReadHealthDetails(req.headers, req.cookies.get(SESSION_COOKIE)?.value) });
  const httpStatus = report.status === "ok" || report.status === "degraded" ? 200 : 503;
  return NextResponse.json(report, { status: httpStatus, headers: { "cache-control": "no-store" } });
}

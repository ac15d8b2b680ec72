import { NextResponse } from "next/server";
import { healthReport } from "@/lib/health/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await healthReport();
  const httpStatus = report.status === "ok" || report.status === "degraded" ? 200 : 503;
  return NextResponse.json(report, { status: httpStatus, headers: { "cache-control": "no-store" } });
}

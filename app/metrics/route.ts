// Prometheus metrics (text exposition format), for scrapers: 404 unless METRICS_TOKEN is set, then
// only with `Authorization: Bearer <METRICS_TOKEN>`. The registry lives in the server process
// (lib/metrics/registry.ts) and is reached through the service registry.
import { route } from "@/lib/http/route";
import { services } from "@/lib/app/services";
import { assertMetricsAccess } from "@/lib/metrics/access";

export const dynamic = "force-dynamic";

export const GET = route(
  { logFields: { metrics: true } },
  async (req, log) => {
    assertMetricsAccess(req.headers.get("authorization"));
    return { auth: null, log };
  },
  async () => {
    const { contentType, body } = await services().metricsText();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
);

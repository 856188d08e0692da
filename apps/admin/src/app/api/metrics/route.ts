import { adminMetrics, metricsAccess } from "@/server/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Prometheus scrape endpoint; needs `Authorization: Bearer $METRICS_TOKEN` (off without the variable). */
export async function GET(req: Request) {
  const access = metricsAccess(req.headers.get("authorization"), process.env.METRICS_TOKEN);
  if (access === "disabled") return new Response("Not found", { status: 404 });
  if (access === "denied")
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": "Bearer" } });
  return new Response(await adminMetrics.registry.metrics(), {
    headers: { "content-type": adminMetrics.registry.contentType },
  });
}

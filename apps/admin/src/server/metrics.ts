import { timingSafeEqual } from "node:crypto";
import { type ProcedureCall, realtimeSubscriberCount } from "@switchboard/api";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The admin's Prometheus metrics (GET /api/metrics). Labels are procedure paths (a fixed set of a
 * few hundred at most) and result codes; never ids or user data.
 *
 * Next.js may evaluate a module more than once in one process (route bundles), so the registry is
 * kept on globalThis: two copies would register the same names twice.
 */
function createAdminMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "switchboard_admin_" });
  const calls = new Counter({
    name: "switchboard_admin_trpc_calls_total",
    help: "tRPC procedure calls, by procedure, type and result (ok or the tRPC error code).",
    labelNames: ["procedure", "type", "result"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "switchboard_admin_trpc_duration_seconds",
    help: "tRPC procedure duration by procedure (a subscription's is its setup only).",
    labelNames: ["procedure"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "switchboard_admin_realtime_subscribers",
    help: "Open live feeds (inbox SSE subscriptions) in this process.",
    registers: [registry],
    collect() {
      this.set(realtimeSubscriberCount());
    },
  });
  return {
    registry,
    /** For ApiEnv.observeCall. */
    observeCall(call: ProcedureCall) {
      calls.inc({ procedure: call.path, type: call.type, result: call.result });
      duration.observe({ procedure: call.path }, call.durationMs / 1000);
    },
  };
}

const globals = globalThis as { switchboardAdminMetrics?: ReturnType<typeof createAdminMetrics> };
globals.switchboardAdminMetrics ??= createAdminMetrics();
export const adminMetrics = globals.switchboardAdminMetrics;

/**
 * Who may scrape: only a request with `Authorization: Bearer <METRICS_TOKEN>`. Without
 * METRICS_TOKEN the endpoint is off (404): Next.js does not tell a route handler the peer address,
 * and X-Forwarded-For can be forged, so "loopback only" could not be enforced honestly.
 */
export function metricsAccess(
  authorization: string | null,
  token: string | undefined,
): "allowed" | "disabled" | "denied" {
  if (!token) return "disabled";
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? "allowed" : "denied";
}

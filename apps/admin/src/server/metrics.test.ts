import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { adminMetrics, metricsAccess } from "./metrics";

const scrape = (authorization?: string) =>
  GET(new Request("http://admin.test/api/metrics", authorization ? { headers: { authorization } } : {}));

describe("admin metrics", () => {
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
  });

  it("lets only the METRICS_TOKEN bearer scrape, and is off without the variable", () => {
    expect(metricsAccess("Bearer s3cret", undefined)).toBe("disabled");
    expect(metricsAccess(null, "s3cret")).toBe("denied");
    expect(metricsAccess("Bearer s3cre", "s3cret")).toBe("denied");
    expect(metricsAccess("Bearer s3cret", "s3cret")).toBe("allowed");
    expect(metricsAccess("bearer s3cret", "s3cret")).toBe("allowed");
  });

  it("answers 404 without a token configured, 401 with a wrong one", async () => {
    expect((await scrape("Bearer anything")).status).toBe(404);
    process.env.METRICS_TOKEN = "s3cret";
    const denied = await scrape("Bearer nope");
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("exposes tRPC calls by procedure and result, their duration, and realtime subscribers", async () => {
    adminMetrics.observeCall({ path: "bots.list", type: "query", result: "ok", durationMs: 12 });
    adminMetrics.observeCall({ path: "bots.list", type: "query", result: "ok", durationMs: 30 });
    adminMetrics.observeCall({
      path: "flows.publish",
      type: "mutation",
      result: "BAD_REQUEST",
      durationMs: 5,
    });
    process.env.METRICS_TOKEN = "s3cret";
    const res = await scrape("Bearer s3cret");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain(
      'switchboard_admin_trpc_calls_total{procedure="bots.list",type="query",result="ok"} 2',
    );
    expect(text).toContain(
      'switchboard_admin_trpc_calls_total{procedure="flows.publish",type="mutation",result="BAD_REQUEST"} 1',
    );
    expect(text).toContain('switchboard_admin_trpc_duration_seconds_count{procedure="bots.list"} 2');
    expect(text).toContain("switchboard_admin_realtime_subscribers 0");
  });
});

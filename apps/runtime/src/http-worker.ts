import {
  CHANNELS,
  type CoreEnv,
  claimedJobPlan,
  claimHttpJobs,
  deliverHttpResult,
  type HttpJob,
  readSecretValues,
} from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Sql } from "postgres";
import type { AddressPolicy } from "./http/address-policy";
import { type FetchResult, type OutgoingHeader, performHttpRequest } from "./http/fetcher";
import type { Logger } from "./log";
import { NotifiedLoop } from "./notified-loop";

/** Calls claimed per round, performed at once (none holds a chat lock or a transaction while waiting). */
const BATCH = 8;

export interface HttpWorkerDeps {
  db: Db;
  sql: Sql;
  env: CoreEnv;
  log: Logger;
  secretKey: Buffer;
  /** Which addresses calls may reach (public only, unless the installation allows private ones). */
  policy: AddressPolicy;
  pollMs: number;
}

/**
 * Performs HTTP request steps' calls (core http/jobs.ts owns the queue): claims open jobs, fills in
 * workspace secrets, makes the call outside any transaction, and hands the result back to the core,
 * which dispatches it to the conversation under its chat lock. A job whose runtime died mid-call comes
 * back after its lease; core `claimedJobPlan` decides whether it is sent again (idempotent methods,
 * once) or fails as interrupted (POST, PATCH).
 */
export class HttpWorker extends NotifiedLoop {
  constructor(private readonly deps: HttpWorkerDeps) {
    super({
      sql: deps.sql,
      channel: CHANNELS.http,
      pollMs: deps.pollMs,
      log: deps.log,
      name: "http round",
    });
  }

  protected override async round(): Promise<{ full: boolean }> {
    const jobs = await claimHttpJobs(this.deps.db, BATCH);
    await Promise.all(jobs.map((job) => this.run(job)));
    return { full: jobs.length === BATCH };
  }

  private async run(job: HttpJob) {
    const { db, env, log } = this.deps;
    try {
      const result = await this.perform(job);
      const outcome = await deliverHttpResult(db, job, result, env);
      log("info", "http request step called", {
        jobId: job.id,
        method: job.request.method,
        status: result.status,
        error: result.error,
        outcome,
      });
    } catch (err) {
      // Delivering failed (the database): the lease expires and the job is claimed again.
      log("warn", "http request step's result could not be stored", { jobId: job.id, error: String(err) });
    }
  }

  private async perform(job: HttpJob): Promise<FetchResult> {
    const plan = claimedJobPlan(job.request.method, job.attempts);
    if (!plan.perform) return { status: null, error: plan.error };
    const names = job.request.headers.flatMap((h) =>
      h.value.flatMap((p) => ("secret" in p ? [p.secret] : [])),
    );
    const secrets = await readSecretValues(
      this.deps.db,
      job.workspaceId,
      [...new Set(names)],
      this.deps.secretKey,
    );
    const missing = names.find((n) => !secrets.has(n));
    if (missing !== undefined) return { status: null, error: `secret "${missing}" is not set` };
    const headers: OutgoingHeader[] = job.request.headers.map((h) => ({
      name: h.name,
      value: h.value.map((p) => ("secret" in p ? secrets.get(p.secret)! : p.text)).join(""),
      sensitive: h.value.some((p) => "secret" in p),
    }));
    return performHttpRequest(
      {
        method: job.request.method,
        url: job.request.url,
        headers,
        body: job.request.body,
        timeoutMs: job.request.timeoutMs,
      },
      { policy: this.deps.policy },
    );
  }
}

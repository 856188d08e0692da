import type { Sql } from "postgres";

export type ReadyState = { ready: true } | { ready: false; reason: string };

export interface Readiness {
  check(): Promise<ReadyState>;
}

/** /ready waits this long for `select 1`; a load balancer's probe must not hang on a dead database. */
export const READY_DB_TIMEOUT_MS = 1500;

/**
 * Ready = the database answers `select 1` quickly (through the runtime's own pool, so a pool too
 * busy to answer also counts as not ready) and the supervisor has read the bots at least once.
 */
export function createReadiness(
  sql: Sql,
  botsLoaded: () => boolean,
  timeoutMs = READY_DB_TIMEOUT_MS,
): Readiness {
  return {
    async check() {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          sql`select 1`,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (err) {
        return {
          ready: false,
          reason: `database unreachable: ${err instanceof Error ? err.message : String(err)}`,
        };
      } finally {
        clearTimeout(timer);
      }
      if (!botsLoaded()) return { ready: false, reason: "bots not loaded yet" };
      return { ready: true };
    },
  };
}

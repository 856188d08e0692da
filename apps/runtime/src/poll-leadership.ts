import { LOCK_SPACE } from "@switchboard/core";
import postgres from "postgres";

/**
 * Telegram allows one getUpdates consumer per bot, so among runtime processes only the holder of a
 * bot's poll lock polls. All of a process's poll locks live on one dedicated connection outside the
 * pool (a pool connection per polling bot would starve update processing). If that connection drops,
 * its locks are gone: `holds` notices, the poller stops, and whoever takes the lock next polls.
 */
export class PollLeadership {
  private readonly sql: postgres.Sql;

  constructor(databaseUrl: string) {
    this.sql = postgres(databaseUrl, { max: 1, idle_timeout: 0, onnotice: () => {} });
  }

  async tryAcquire(botId: string): Promise<boolean> {
    const [row] = await this
      .sql`select pg_try_advisory_lock(${LOCK_SPACE.poll}, hashtext(${botId})) as locked`;
    return row?.locked === true;
  }

  /** Whether this process's lock connection still holds the bot's poll lock. */
  async holds(botId: string): Promise<boolean> {
    const [row] = await this.sql`
      select exists (
        select 1 from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid() and granted
          and classid = ${LOCK_SPACE.poll}::int4::oid and objid = hashtext(${botId})::oid and objsubid = 2
      ) as held`;
    return row?.held === true;
  }

  async release(botId: string): Promise<void> {
    await this.sql`select pg_advisory_unlock(${LOCK_SPACE.poll}, hashtext(${botId}))`.catch(() => {});
  }

  close(): Promise<void> {
    return this.sql.end({ timeout: 5 });
  }
}

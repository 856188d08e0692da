import { LOCK_SPACE } from "@switchboard/core";
import { connectPostgres } from "@switchboard/db";
import type postgres from "postgres";

/** Names the lock connection in pg_stat_activity. */
export const POLL_LOCK_APPLICATION = "switchboard-poll-lock";

/**
 * Telegram allows one getUpdates consumer per bot, so among runtime processes only the holder of a
 * bot's poll lock polls. All of a process's poll locks live on one dedicated connection outside the
 * pool (a pool connection per polling bot would starve update processing). If that connection drops,
 * its locks are gone: `holds` notices, the poller stops, and whoever takes the lock next polls.
 */
export class PollLeadership {
  private readonly sql: postgres.Sql;
  /** Bumped when the lock connection closes: every lock it held is gone with it. */
  private connection = 0;
  /** Per bot: the connection its lock was taken on, and when the lock was last seen held. */
  private readonly held = new Map<string, { connection: number; checkedAt: number }>();

  constructor(
    databaseUrl: string,
    /** How long a look at pg_locks stays good (a poller asks before every getUpdates). */
    private readonly recheckMs = 1000,
  ) {
    this.sql = connectPostgres(databaseUrl, {
      max: 1,
      idle_timeout: 0,
      // postgres.js recycles a connection after 30–60 min by default: that would drop every poll lock.
      max_lifetime: null,
      onnotice: () => {},
      connection: { application_name: POLL_LOCK_APPLICATION },
      onclose: () => {
        this.connection++;
      },
    });
  }

  async tryAcquire(botId: string): Promise<boolean> {
    const [row] = await this
      .sql`select pg_try_advisory_lock(${LOCK_SPACE.poll}, hashtext(${botId})) as locked`;
    const locked = row?.locked === true;
    if (locked) this.held.set(botId, { connection: this.connection, checkedAt: Date.now() });
    return locked;
  }

  /**
   * Whether this process's lock connection still holds the bot's poll lock. A closed connection says
   * so at once; otherwise pg_locks is asked at most every `recheckMs` (under load a bot polls many times
   * a second, and a statement per poll was a measurable share of the database's work). Meanwhile a
   * lost lock can cost one more getUpdates, which Telegram answers with a 409 (the poller steps back)
   * and whose updates are stored once either way.
   */
  async holds(botId: string): Promise<boolean> {
    const mine = this.held.get(botId);
    if (!mine || mine.connection !== this.connection) return false;
    if (Date.now() - mine.checkedAt < this.recheckMs) return true;
    const [row] = await this.sql`
      select exists (
        select 1 from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid() and granted
          and classid = ${LOCK_SPACE.poll}::int4::oid and objid = hashtext(${botId})::oid and objsubid = 2
      ) as held`;
    if (row?.held !== true) return false;
    mine.checkedAt = Date.now();
    return true;
  }

  async release(botId: string): Promise<void> {
    this.held.delete(botId);
    await this.sql`select pg_advisory_unlock(${LOCK_SPACE.poll}, hashtext(${botId}))`.catch(() => {});
  }

  close(): Promise<void> {
    return this.sql.end({ timeout: 5 });
  }
}

import type { Sql } from "postgres";

/**
 * Makes every statement Drizzle sends a named prepared statement.
 *
 * Why: Drizzle's postgres-js session passes `prepare: false` for any query not given a name, and for
 * an unprepared query with parameters the driver first sends Parse/Describe and waits for the answer
 * before it can bind — two round trips per statement, and a parse and plan in Postgres every time.
 * Prepared, a statement the connection has seen goes out in one round trip and skips both. The
 * driver keeps one statement per distinct SQL text and connection; Drizzle's texts depend only on the
 * query's shape (values are parameters), and connections are recycled (`max_lifetime`), so the cache
 * stays bounded. Measured with bench/throughput.ts: see docs/architecture.md "Throughput".
 *
 * The wrapper covers the pool and the clients `begin`, `savepoint` and `reserve` hand out (Drizzle's
 * transactions run on those; pipelined-transaction.ts on a reserved one).
 */
export function preparingClient<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === "unsafe")
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          (value as Sql["unsafe"]).call(
            target,
            query,
            params as never,
            {
              ...options,
              prepare: true,
            } as never,
          );
      if (key === "reserve") return async () => preparingClient(await (value as Sql["reserve"]).call(target));
      if (key === "begin" || key === "savepoint")
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (inner: Sql) => unknown;
          args[last] = (inner: Sql) => callback(preparingClient(inner));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

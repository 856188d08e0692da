import postgres from "postgres";

/**
 * A Postgres URL as postgres.js takes it. libpq (psql, every other client) reads a Unix-socket
 * directory from `?host=/dir` (`postgres://user:pass@localhost:5432/db?host=/var/run/postgresql`);
 * postgres.js would send that parameter to the server as a setting, so it is turned into its `path`
 * option here. Over a socket a round trip costs less CPU on both ends than over loopback TCP, which
 * matters on the runtime's hot path (several statements per message).
 */
export function postgresConnection(url: string): { url: string; path?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url }; // postgres.js explains a malformed URL better than we would
  }
  const dir = parsed.searchParams.get("host");
  if (!dir?.startsWith("/")) return { url };
  parsed.searchParams.delete("host");
  const port = parsed.port || "5432";
  return { url: parsed.toString(), path: `${dir.replace(/\/$/, "")}/.s.PGSQL.${port}` };
}

/** postgres.js on a URL that may name a socket directory (`?host=/dir`); every connection of ours goes through it. */
export function connectPostgres(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>> = {},
) {
  const connection = postgresConnection(url);
  return postgres(connection.url, { ...(connection.path ? { path: connection.path } : {}), ...options });
}
